using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using RosCert.Core.Revocation;
using static RosCert.Commands.Catalogue.PropertyAccess;
using static RosCert.Commands.Menus.Certificates.CertificateSubmenus;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>/certificate/crl</c>: CRLs this host downloads and uses (reference §1.7, §2.16). Entries come
/// from <c>add url=</c>, from CRL files (<c>/certificate import</c>) and, flagged D, from the CRL
/// distribution points of imported certificates. Flags: E the CRL is past its next-update, D dynamic,
/// I invalid (its signature does not verify against a stored issuer, its bytes are gone, or the
/// last download failed: not updated).
/// </summary>
public static class CrlMenu
{
    public static Menu Build()
    {
        PropertyDef[] properties =
        [
            new("url", StringType.Instance, ReadWrite, "URL the CRL is downloaded from") { Required = true },
            Text("cert", "certificate whose distribution point made this entry"),
            Text("trust-store", "services that may use the CRL"),
            new("num", BareTextType.Instance, ReadOnly, "CRL number") { RightAligned = true },
            new("revoked", BareTextType.Instance, ReadOnly, "number of revoked certificates") { RightAligned = true },
            Text("last-update", "thisUpdate of the CRL"), Text("next-update", "nextUpdate of the CRL"),
            Text("akid", "authority key identifier of the CRL"), Text("fingerprint", "SHA-256 of the CRL"),
            Text("signature", "signature of the CRL"),
        ];
        var menu = new Menu(CrlEntries.Menu, MenuKind.List, "certificate revocation lists")
        {
            Properties = properties,
            Flags = [new('E', "EXPIRED", "expired", 0), new('D', "DYNAMIC", "dynamic", 1), new('I', "INVALID", "invalid", 2)],
            BriefColumns = ["cert", "last-update", "num", "revoked", "url"],
            ItemNoun = "CRL",
            Items = View,
        };
        var backend = new CrlBackend(new RecordBackend(menu));
        menu.Add(ListCommands.Queries(properties, sensitive: false).Where(c => c.Name != "edit"));
        menu.Add(ListCommands.Changes(properties, backend, withUnset: false));
        menu.Add(ExportCommand.For(_ => []));
        menu.Add(
            new CommandDef("download", "download the CRLs now", Rights.Write, CommandKind.Unbound, []) { Handler = Download },
            new CommandDef("flush", "drop downloaded CRL data", Rights.Write, CommandKind.Change, []) { Handler = Flush });
        return menu;
    }

    public static IReadOnlyList<ItemView> View(Invocation invocation)
    {
        IReadOnlyList<CrlEntry> entries = CrlEntries.All(invocation.Reader);
        var names = new Dictionary<ItemId, string?>();
        string? CertName(ItemId id)
        {
            if (!names.TryGetValue(id, out string? name))
            {
                names[id] = name = invocation.Reader.Certificate(id)?.Name;
            }

            return name;
        }

        return entries.Select(e => Build(invocation, e, e.CertId is { } id ? CertName(id) : null)).ToArray();
    }

    private static ItemView Build(Invocation invocation, CrlEntry entry, string? certificate)
    {
        var view = new ItemViewBuilder().Add("url", entry.Url).Add("cert", certificate);
        CrlData? data = entry.Data;
        bool available = data is not null && CrlEntries.Available(invocation.Reader, invocation.Environment.CrlCache, data);
        if (data is { Info: var info })
        {
            view.Add("num", info.CrlNumber is { } n ? RosValue.Of(n) : null)
                .Add("revoked", RosValue.Of(info.RevokedCount))
                .Add("last-update", SystemSettings.FormatDate(info.ThisUpdate, invocation.Zone))
                .Add("next-update", info.NextUpdate is { } next ? SystemSettings.FormatDate(next, invocation.Zone) : null)
                .Add("akid", info.Akid)
                .Add("fingerprint", info.Fingerprint);
        }

        return view
            .Flag('E', data is not null && CrlEntries.Expired(data, invocation.Now))
            .Flag('D', entry.Dynamic)
            .Flag('I', entry.Failure is not null || (data is not null && !available))
            .Build(entry.Id);
    }

    /// <summary><c>download</c>: fetches every entry now; each one that could not be downloaded gets a warning line.</summary>
    private static CommandResult Download(Invocation invocation)
    {
        foreach (string problem in CrlDownload.Run(invocation.Environment))
        {
            invocation.Session.Output.Line("warning: " + problem);
        }

        return CommandResult.None;
    }

    /// <summary><c>flush</c>: forgets what was downloaded (entries stay, imported CRLs too).</summary>
    private static CommandResult Flush(Invocation invocation)
    {
        foreach (CrlEntry entry in CrlEntries.All(invocation.Writer).Where(e => e.Url.Length > 0 && (e.Data is not null || e.Failure is not null)))
        {
            invocation.Writer.PutItem(CrlEntries.ToRecord(entry with { Data = null, Failure = null }));
            CrlEntries.DropBytesIfUnused(invocation.Writer, entry.Data);
            if (entry.Data is { Keeping: CrlKeeping.Ram, Info.Fingerprint: var fingerprint })
            {
                invocation.Environment.CrlCache?.Delete(fingerprint);
            }
        }

        return CommandResult.None;
    }

    /// <summary>The generic record commands, with <c>remove</c> also dropping the CRL bytes nobody else holds.</summary>
    private sealed class CrlBackend(RecordBackend records) : IListBackend
    {
        public ItemId Add(Invocation invocation) => records.Add(invocation);

        public void Set(Invocation invocation, ItemView target) => records.Set(invocation, target);

        public void Unset(Invocation invocation, ItemView target, IReadOnlyList<string> properties) => records.Unset(invocation, target, properties);

        public void Reset(Invocation invocation, ItemView target) => records.Reset(invocation, target);

        public void Remove(Invocation invocation, IReadOnlyList<ItemView> targets)
        {
            foreach (ItemView target in targets)
            {
                CrlEntry entry = CrlEntries.All(invocation.Writer).FirstOrDefault(e => e.Id == target.Id) ?? throw Core.Errors.Errors.NoSuchItem();
                CrlEntries.Remove(invocation.Writer, entry);
            }
        }
    }
}

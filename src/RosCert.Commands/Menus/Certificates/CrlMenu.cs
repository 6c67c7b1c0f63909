using RosCert.Commands.Catalogue;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using static RosCert.Commands.Catalogue.PropertyAccess;
using static RosCert.Commands.Menus.Certificates.CertificateSubmenus;
using static RosCert.Commands.Standard.PrintCommand;

namespace RosCert.Commands.Menus.Certificates;

/// <summary><c>/certificate/crl</c>: CRLs this host downloads and uses (reference §2.16).</summary>
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
        var menu = new Menu("/certificate/crl", MenuKind.List, "certificate revocation lists")
        {
            Properties = properties,
            Flags = [new('E', "EXPIRED", "expired", 0), new('D', "DYNAMIC", "dynamic", 1), new('I', "INVALID", "invalid", 2)],
            BriefColumns = ["cert", "last-update", "num", "revoked", "url"],
            ItemNoun = "CRL",
            Items = RecordBackend.View,
        };
        var backend = new RecordBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: false).Where(c => c.Name != "edit"));
        menu.Add(ListCommands.Changes(properties, backend, withUnset: false));
        menu.Add(ExportCommand.For(_ => []));
        menu.Add(
            new CommandDef("download", "download the CRLs now", Rights.Write, CommandKind.Unbound, []),
            new CommandDef("flush", "drop downloaded CRL data", Rights.Write, CommandKind.Change, []));
        return menu;
    }
}

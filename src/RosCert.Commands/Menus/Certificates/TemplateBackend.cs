using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>add</c>, <c>set</c>, <c>unset</c>, <c>reset</c> and <c>remove</c> of <c>/certificate</c>
/// (reference §2.1–§2.3). Templates take every writable property; a signed certificate only
/// <c>name</c>, <c>trusted</c> and <c>trust-store</c>. Removing a CA removes what it issued.
/// </summary>
public sealed class TemplateBackend : IListBackend
{
    private static readonly string[] s_signedWritable = ["name", "trusted", "trust-store"];

    public ItemId Add(Invocation invocation)
    {
        string name = invocation.Text("name") ?? throw Errors.MissingArguments(["name"]);
        CertificateEntry template = invocation.Argument("copy-from") is { } source
            ? CopyFrom(invocation, source, name)
            : new CertificateEntry { Id = default, Name = name };
        template = Apply(invocation, template, invocation.Arguments.Where(a => a.Key != "copy-from"));
        EnsureUniqueName(invocation, template.Name, except: null);
        ItemId id = invocation.Writer.AllocateId(CertificateProperties.Menu);
        invocation.Writer.Insert(template with { Id = id });
        return id;
    }

    public void Set(Invocation invocation, ItemView target)
    {
        CertificateEntry entry = Load(invocation, target);
        IEnumerable<KeyValuePair<string, RosValue>> changes = invocation.Arguments.Where(a => a.Key != "numbers" && a.Value is not RosUnset);
        CheckWritable(entry, changes.Select(c => c.Key));
        CertificateEntry changed = Apply(invocation, entry, changes);
        EnsureUniqueName(invocation, changed.Name, except: entry.Id);
        invocation.Writer.Update(changed);
        if (changed.Name != entry.Name)
        {
            References.Rename(invocation.Environment.Catalogue, invocation.Writer, CertificateProperties.Menu, entry.Name, changed.Name);
        }
    }

    public void Unset(Invocation invocation, ItemView target, IReadOnlyList<string> properties)
    {
        CertificateEntry entry = Load(invocation, target);
        CheckWritable(entry, properties);
        if (properties.Contains("name"))
        {
            throw Errors.Failure("name can not be unset");
        }

        var defaults = new CertificateEntry { Id = entry.Id, Name = entry.Name };
        invocation.Writer.Update(properties.Aggregate(entry, (current, property) => CopyProperty(current, defaults, property)));
    }

    public void Reset(Invocation invocation, ItemView target)
    {
        CertificateEntry entry = Load(invocation, target);
        if (!entry.IsTemplate)
        {
            throw Errors.Failure("a signed certificate can not be reset");
        }

        var reset = new CertificateEntry { Id = entry.Id, Name = entry.Name };
        invocation.Writer.Update(Apply(invocation, reset, invocation.Arguments.Where(a => a.Key != "numbers")));
    }

    public void Remove(Invocation invocation, IReadOnlyList<ItemView> targets)
    {
        IReadOnlyList<CertificateEntry> all = invocation.Reader.Certificates();
        var doomed = new HashSet<ItemId>(targets.Select(t => t.Id!.Value));

        // Reference §1.3: removing a CA removes every certificate it issued, transitively.
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (CertificateEntry entry in all)
            {
                if (entry.IssuedBy is { } issuer && doomed.Contains(issuer) && doomed.Add(entry.Id))
                {
                    grew = true;
                }
            }
        }

        RefuseWhileUsed(invocation, all.Where(e => doomed.Contains(e.Id)));

        // Children first: a template signed later may have a lower id than its CA.
        var issuerOf = all.Where(e => doomed.Contains(e.Id)).ToDictionary(e => e.Id, e => e.IssuedBy);
        while (doomed.Count > 0)
        {
            ItemId[] leaves = doomed.Where(id => !doomed.Any(other => issuerOf[other] == id)).ToArray();
            foreach (ItemId id in leaves.Length > 0 ? leaves : [.. doomed])
            {
                invocation.Writer.DeleteCertificate(id);
                Core.Revocation.CrlEntries.RemoveDynamicOf(invocation.Writer, id);
                doomed.Remove(id);
            }
        }
    }

    /// <summary>A certificate that a SCEP server, a service or an ACME entry names can not be removed (issue 3).</summary>
    private static void RefuseWhileUsed(Invocation invocation, IEnumerable<CertificateEntry> doomed)
    {
        foreach (CertificateEntry entry in doomed)
        {
            ItemReference? user = References.To(invocation.Environment.Catalogue, invocation.Reader, CertificateProperties.Menu, entry.Name).FirstOrDefault();
            if (user is not null)
            {
                throw Errors.Failure($"certificate {entry.Name} is used by {user}");
            }
        }
    }

    private static CertificateEntry Load(Invocation invocation, ItemView target) =>
        invocation.Reader.Certificate(target.Id!.Value) ?? throw Errors.NoSuchItem();

    private static CertificateEntry CopyFrom(Invocation invocation, RosValue source, string name)
    {
        ItemView from = ItemResolver.Resolve(invocation, source).Single();
        CertificateEntry original = Load(invocation, from);
        var copy = new CertificateEntry { Id = default, Name = name };
        string[] copied = ["common-name", "country", "state", "locality", "organization", "unit", "subject-alt-name",
            "key-size", "days-valid", "digest-algorithm", "key-usage", "trusted", "trust-store"];
        return copied.Aggregate(copy, (current, property) => CopyProperty(current, original, property));
    }

    private static void CheckWritable(CertificateEntry entry, IEnumerable<string> properties)
    {
        if (entry.IsTemplate)
        {
            return;
        }

        string? readOnly = properties.FirstOrDefault(p => !s_signedWritable.Contains(p));
        if (readOnly is not null)
        {
            throw Errors.Failure($"{readOnly} can not be changed on a signed certificate");
        }
    }

    private static void EnsureUniqueName(Invocation invocation, string name, ItemId? except)
    {
        if (name.Length == 0)
        {
            throw Errors.Failure("name can not be empty");
        }

        CertificateEntry? existing = invocation.Reader.CertificateByName(name);
        if (existing is not null && existing.Id != except)
        {
            throw Errors.NameExists("certificate");
        }
    }

    private static CertificateEntry Apply(Invocation invocation, CertificateEntry entry, IEnumerable<KeyValuePair<string, RosValue>> values) =>
        values.Aggregate(entry, (current, pair) => With(current, pair.Key, pair.Value));

    /// <summary>Sets one property from an already type-checked value.</summary>
    private static CertificateEntry With(CertificateEntry entry, string property, RosValue value) => property switch
    {
        "name" => entry with { Name = value.Text },
        "common-name" => entry with { CommonName = value.Text },
        "country" => entry with { Country = value.Text },
        "state" => entry with { State = value.Text },
        "locality" => entry with { Locality = value.Text },
        "organization" => entry with { Organization = value.Text },
        "unit" => entry with { Unit = value.Text },
        "subject-alt-name" => entry with { SubjectAltName = value.Text },
        "key-size" => entry with { KeySize = KeySize.TryParse(value.Text, out KeySize size) ? size : KeySize.Default },
        "days-valid" => entry with { DaysValid = (int)((RosNumber)value).Value },
        "digest-algorithm" => entry with { DigestAlgorithm = DigestAlgorithms.TryParse(value.Text, out DigestAlgorithm digest) ? digest : DigestAlgorithm.Sha256 },
        "key-usage" => entry with { KeyUsage = ParseKeyUsage(value.Text) },
        "trusted" => entry with { Trusted = ((RosBool)value).Value },
        "trust-store" => entry with { TrustStore = NormaliseTrustStore(value.Text) },
        _ => entry,
    };

    private static CertificateEntry CopyProperty(CertificateEntry target, CertificateEntry source, string property) => property switch
    {
        "common-name" => target with { CommonName = source.CommonName },
        "country" => target with { Country = source.Country },
        "state" => target with { State = source.State },
        "locality" => target with { Locality = source.Locality },
        "organization" => target with { Organization = source.Organization },
        "unit" => target with { Unit = source.Unit },
        "subject-alt-name" => target with { SubjectAltName = source.SubjectAltName },
        "key-size" => target with { KeySize = source.KeySize },
        "days-valid" => target with { DaysValid = source.DaysValid },
        "digest-algorithm" => target with { DigestAlgorithm = source.DigestAlgorithm },
        "key-usage" => target with { KeyUsage = source.KeyUsage },
        "trusted" => target with { Trusted = source.Trusted },
        "trust-store" => target with { TrustStore = source.TrustStore },
        _ => target,
    };

    private static KeyUsage ParseKeyUsage(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(KeyUsage.None, (usage, word) => KeyUsages.TryParseKeyword(word, out KeyUsage flag) ? usage | flag : usage);

    /// <summary><c>all</c> covers every service, so a list that names it is just <c>all</c>.</summary>
    private static string NormaliseTrustStore(string text) =>
        text.Split(',').Contains(TrustStores.All) || text.Length == 0 ? TrustStores.All : text;
}

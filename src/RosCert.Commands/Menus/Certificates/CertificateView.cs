using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using RosCert.Core.Revocation;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// Projects <see cref="CertificateEntry"/> values onto the <c>/certificate</c> properties and flags
/// (reference §1.2–§1.4, §3.1). Flag E and <c>expires-after</c> are computed at print time.
/// </summary>
public static class CertificateView
{
    public static IReadOnlyList<ItemView> All(Invocation invocation)
    {
        IReadOnlyList<CertificateEntry> entries = invocation.Reader.Certificates();
        var names = entries.ToDictionary(e => e.Id, e => e.Name);
        Func<CertificateEntry, bool> listed = CrlListed(invocation);
        IEnumerable<ItemView> views = entries.Select(e => Build(e, names, invocation.Now, invocation.Zone, listed(e)));
        if (invocation.Flag("active") || invocation.Flag("inactive"))
        {
            bool wantActive = invocation.Flag("active");
            views = views.Where(v => IsActive(v) == wantActive);
        }

        return views.ToArray();
    }

    /// <summary>The number of entries <see cref="All"/> lists, by a COUNT query; null with <c>active</c>/<c>inactive</c>, which need the entries.</summary>
    public static int? Count(Invocation invocation) =>
        invocation.Flag("active") || invocation.Flag("inactive") ? null : invocation.Reader.CertificateCount();

    /// <summary>One certificate by name or id, without listing the others.</summary>
    public static ItemView? Find(Invocation invocation, string? name, ItemId? id)
    {
        CertificateEntry? entry = name is not null ? invocation.Reader.CertificateByName(name) : invocation.Reader.Certificate(id!.Value);
        if (entry is null)
        {
            return null;
        }

        var names = new Dictionary<ItemId, string>();
        if (entry.IssuedBy is { } issuer && invocation.Reader.Certificate(issuer) is { } ca)
        {
            names[issuer] = ca.Name;
        }

        return Build(entry, names, invocation.Now, invocation.Zone, CrlListed(invocation)(entry));
    }

    /// <summary>
    /// With <c>crl-use=yes</c> (reference §2.19), whether a valid CRL of the certificate's issuer lists
    /// it (flag R); the CRLs are indexed once per command, not per certificate.
    /// </summary>
    public static Func<CertificateEntry, bool> CrlListed(Invocation invocation)
    {
        if (!CrlSettings.Use(invocation.Reader))
        {
            return _ => false;
        }

        RevocationIndex index = RevocationIndex.Load(invocation.Reader, invocation.Environment.CrlCache, invocation.Now);
        return entry => !entry.IsTemplate && index.Check(entry).State == RevocationState.Revoked;
    }

    /// <param name="revokedByCrl">A downloaded or imported CRL lists the certificate (flag R without a local revocation).</param>
    public static ItemView Build(CertificateEntry entry, IReadOnlyDictionary<ItemId, string> names, DateTimeOffset now, TimeZoneInfo zone, bool revokedByCrl = false)
    {
        var view = new ItemViewBuilder()
            .Add("name", entry.Name)
            .Add("trust-store", entry.TrustStore)
            .Add("digest-algorithm", entry.DigestAlgorithm.ToName());
        if (!entry.IsTemplate || entry.Trusted is not null)
        {
            view.Add("trusted", RosValue.Of(entry.EffectiveTrusted));
        }

        view.Add("common-name", entry.CommonName)
            .Add("country", NullIfEmpty(entry.Country))
            .Add("state", NullIfEmpty(entry.State))
            .Add("locality", NullIfEmpty(entry.Locality))
            .Add("organization", NullIfEmpty(entry.Organization))
            .Add("unit", NullIfEmpty(entry.Unit))
            .Add("subject-alt-name", entry.SubjectAltName)
            .Add("issuer", entry.Issuer)
            .Add("key-type", entry.KeySize.KeyTypeName)
            .Add("key-size", entry.KeySize.Name)
            .Add("key-usage", KeyUsages.Format(entry.KeyUsage))
            .Add("days-valid", RosValue.Of(entry.DaysValid))
            .Add("ca", entry.IssuedBy is { } ca ? names.GetValueOrDefault(ca) : null)
            .Add("ca-crl-host", entry.CaCrlHost)
            .Add("invalid-before", Date(entry.InvalidBefore, zone))
            .Add("invalid-after", Date(entry.InvalidAfter, zone))
            .Add("revoked", Date(entry.Revoked, zone))
            .Add("serial-number", entry.SerialNumber)
            .Add("akid", entry.IsTemplate ? null : entry.Akid ?? "")
            .Add("skid", entry.Skid)
            .Add("fingerprint", entry.Fingerprint)
            .Add("expires-after", entry.InvalidAfter is { } end && end > now ? new RosDuration(end - now) : null);
        AcmeManaged.AcmeSettings? acme = AcmeManaged.AcmeSettings.Of(entry);
        if (acme is not null)
        {
            view.Add("acme-status", acme.Properties.GetValueOrDefault(AcmeManaged.AcmeSettings.Status))
                .Add("directory-url", acme.Directory)
                .Add("domain-names", string.Join(',', acme.Names));
        }

        if (entry.Management is { Kind: ScepEnrolment.Kind } scep)
        {
            view.Add("scep-url", scep.Properties.GetValueOrDefault("scep-url"))
                .Add("ca-fingerprint", scep.Properties.GetValueOrDefault("ca-fingerprint"))
                .Add("next-ca-fingerprint", scep.Properties.GetValueOrDefault(ScepRollover.NextFingerprint))
                .Add("status", scep.Properties.GetValueOrDefault("status"));
        }

        bool expired = entry.InvalidAfter is { } after && after <= now;
        return view
            .Flag('K', entry.PrivateKey is not null)
            .Flag('L', entry.HasCrlInformation)
            .Flag('A', entry.IsAuthority)
            .Flag('I', entry.IssuedBy is not null && entry.Revoked is null && !revokedByCrl)
            .Flag('R', entry.Revoked is not null || revokedByCrl)
            .Flag('E', expired)
            .Flag('T', !entry.IsTemplate && entry.EffectiveTrusted)
            .Flag('a', acme is not null)
            .Build(entry.Id);
    }

    /// <summary><c>print active</c>: a signed certificate that is neither expired nor revoked.</summary>
    private static bool IsActive(ItemView view) => view["fingerprint"] is not null && !view.HasFlag('E') && !view.HasFlag('R');

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string? Date(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value ? SystemSettings.FormatDate(value, zone) : null;
}

using System.Globalization;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Certificates.AcmeManaged;

/// <summary>
/// The ACME client state of a managed entry (<see cref="Management"/> of kind <c>acme</c>): the
/// printed <c>acme-status</c>, <c>directory-url</c>, <c>domain-names</c> (reference §3.1, 7.22+) and
/// the schedule the daemon keeps (<c>renew-at</c>, <c>retry-at</c>, <c>failures</c>, <c>ari-check-at</c>).
/// An entry made by <c>enable-ssl-certificate</c> also has <c>service=www-ssl</c>: it is replaced by
/// a new <c>letsencrypt-autogen_…</c> entry on renewal instead of being renewed in place.
/// </summary>
public sealed record AcmeSettings(IReadOnlyDictionary<string, string> Properties)
{
    public const string Kind = "acme";

    /// <summary>Let's Encrypt production (reference §6.2: the default directory).</summary>
    public const string LetsEncrypt = "https://acme-v02.api.letsencrypt.org/directory";

    public const string Status = "acme-status";
    public const string DirectoryUrl = "directory-url";
    public const string DomainNames = "domain-names";
    public const string EabKid = "eab-kid";
    public const string Service = "service";
    public const string RenewAt = "renew-at";
    public const string RetryAt = "retry-at";
    public const string Failures = "failures";
    public const string AriCheckAt = "ari-check-at";

    public static AcmeSettings? Of(CertificateEntry entry) =>
        entry.Management is { Kind: Kind } management ? new AcmeSettings(management.Properties) : null;

    public string Directory => Properties.GetValueOrDefault(DirectoryUrl, LetsEncrypt);

    public IReadOnlyList<string> Names => Properties.GetValueOrDefault(DomainNames, "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    public string? EabKeyId => Properties.GetValueOrDefault(EabKid) is { Length: > 0 } kid ? kid : null;

    public bool ForWwwSsl => Properties.GetValueOrDefault(Service) == "www-ssl";

    public int FailureCount => int.TryParse(Properties.GetValueOrDefault(Failures), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;

    public DateTimeOffset? Instant(string name) =>
        DateTimeOffset.TryParse(Properties.GetValueOrDefault(name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset value) ? value : null;

    public Management With(params (string Name, string? Value)[] changes)
    {
        var properties = new Dictionary<string, string>(Properties, StringComparer.Ordinal);
        foreach ((string name, string? value) in changes)
        {
            if (value is null)
            {
                properties.Remove(name);
            }
            else
            {
                properties[name] = value;
            }
        }

        return new Management(Kind, properties);
    }

    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static Management New(string directory, IReadOnlyList<string> names, string? eabKid, string? service)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Status] = "pending",
            [DirectoryUrl] = directory,
            [DomainNames] = string.Join(',', names),
        };
        if (eabKid is not null)
        {
            properties[EabKid] = eabKid;
        }

        if (service is not null)
        {
            properties[Service] = service;
        }

        return new Management(Kind, properties);
    }
}

using RosCert.Commands.Catalogue;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// The properties of <c>/certificate</c> items (reference §3.1), in the fixed <c>print detail</c>
/// order this implementation uses for every kind of entry (the 7.23 order, see
/// docs/decisions/0002-console-formats.md). Quoting follows reference §4.10.
/// </summary>
public static class CertificateProperties
{
    public const string Menu = "/certificate";

    /// <summary>RouterOS allows long validities; 100000 days stays below year 9999 of GeneralizedTime.</summary>
    public const int MaxDaysValid = 100_000;

    public static readonly EnumType KeySizeType = new([.. KeySize.Selectable.Select(k => k.Name)]);

    public static readonly EnumSetType KeyUsageType = new("KeyUsage", [.. KeyUsages.Keywords]);

    public static readonly EnumSetType TrustStoreType = new("TrustStore", TrustStores.Values);

    public static IReadOnlyList<PropertyDef> All { get; } =
    [
        new("name", StringType.Instance, ReadWrite, "name of the certificate, unique"),
        new("trust-store", TrustStoreType, ReadWrite, "services that may use the certificate to verify peers") { Default = TrustStores.All },
        new("digest-algorithm", new EnumType(DigestAlgorithms.Names.ToArray()), TemplateOnly, "signature hash") { Default = "sha256" },
        new("trusted", BoolType.Instance, ReadWrite, "use the certificate to verify peers; unset: yes when self-signed, no when issued"),
        new("common-name", StringType.Instance, TemplateOnly, "subject common name (CN)"),
        new("country", StringType.Instance, TemplateOnly, "subject country (C)"),
        new("state", StringType.Instance, TemplateOnly, "subject state or province (ST)"),
        new("locality", StringType.Instance, TemplateOnly, "subject locality (L)"),
        new("organization", StringType.Instance, TemplateOnly, "subject organization (O)"),
        new("unit", StringType.Instance, TemplateOnly, "subject organizational unit (OU)"),
        new("subject-alt-name", SubjectAltNameType.Instance, TemplateOnly, "alternative names: DNS:<name>, IP:<address>, email:<address>"),
        new("issuer", BareTextType.Instance, ReadOnly, "issuer distinguished name"),
        new("key-type", BareTextType.Instance, ReadOnly, "rsa or ec"),
        new("key-size", KeySizeType, TemplateOnly, "RSA modulus bits or EC curve") { Default = KeySize.Default.Name },
        new("key-usage", KeyUsageType, TemplateOnly,
            "KeyUsage and ExtendedKeyUsage; key-cert-sign makes a CA, and browsers refuse a CA certificate as a server certificate")
        {
            Default = KeyUsages.Format(KeyUsages.Default),
        },
        new("days-valid", new IntegerType(1, MaxDaysValid), TemplateOnly, "validity in days") { Default = "365", RightAligned = true },
        new("ca", BareTextType.Instance, ReadOnly, "local CA that issued the certificate"),
        new("ca-crl-host", BareTextType.Instance, ReadOnly, "hosts of the CRL distribution point of certificates this CA issues"),
        new("invalid-before", BareTextType.Instance, ReadOnly, "start of validity"),
        new("invalid-after", BareTextType.Instance, ReadOnly, "end of validity"),
        new("revoked", BareTextType.Instance, ReadOnly, "time of revocation"),
        new("serial-number", StringType.Instance, ReadOnly, "serial number, hex"),
        new("akid", StringType.Instance, ReadOnly, "authority key identifier, hex"),
        new("skid", BareTextType.Instance, ReadOnly, "subject key identifier, hex"),
        new("fingerprint", StringType.Instance, ReadOnly, "SHA-256 of the certificate, hex"),
        new("expires-after", BareTextType.Instance, ReadOnly, "time left until the end of validity"),
        new("acme-status", StringType.Instance, ReadOnly, "ACME client state: pending, valid, or the last error (7.22+)"),
        new("directory-url", StringType.Instance, ReadOnly, "ACME directory of an ACME-managed certificate (7.22+)"),
        new("domain-names", StringType.Instance, ReadOnly, "names an ACME-managed certificate is ordered for (7.22+)"),
        new("scep-url", StringType.Instance, ReadOnly, "SCEP server of an add-scep entry"),
        new("ca-fingerprint", BareTextType.Instance, ReadOnly, "SHA-256 of the SCEP server's CA"),
        new("next-ca-fingerprint", BareTextType.Instance, ReadOnly, "SHA-256 of the CA the SCEP server announces next (GetNextCACert)"),
        new("status", BareTextType.Instance, ReadOnly, "state of the SCEP client"),
    ];

    /// <summary>Flags in 7.22+ legend order; I and R share a column (reference §2.4).</summary>
    public static IReadOnlyList<FlagDef> Flags { get; } =
    [
        new('K', "PRIVATE-KEY", "private-key", 0),
        new('L', "CRL", "crl", 1),
        new('C', "SMART-CARD-KEY", "smart-card-key", 2),
        new('A', "AUTHORITY", "authority", 3),
        new('I', "ISSUED", "issued", 4),
        new('R', "REVOKED", "revoked", 4),
        new('E', "EXPIRED", "expired", 5),
        new('T', "TRUSTED", "trusted", 6),
        new('a', "ACME-MANAGED", "acme-managed", 7),
        new('D', "DYNAMIC", "dynamic", 8),
    ];

    /// <summary>Brief columns (7.15+); SUBJECT-ALT-NAME shows only when a row has one, empty columns drop.</summary>
    public static IReadOnlyList<string> BriefColumns { get; } = ["name", "common-name", "subject-alt-name", "skid"];
}

namespace RosCert.Core.Model;

/// <summary>
/// One entry of <c>/certificate</c>: a template until it is signed or imported, then a certificate
/// (reference §1.1). Signing converts the entry in place: the <see cref="Id"/> stays, the template
/// fields become read-only and the certificate fields are filled in.
/// </summary>
public sealed record CertificateEntry
{
    public required ItemId Id { get; init; }

    public required string Name { get; init; }

    // ---- template fields (rw on templates, ro once signed) ----
    public string CommonName { get; init; } = "";

    public string Country { get; init; } = "";

    public string State { get; init; } = "";

    public string Locality { get; init; } = "";

    public string Organization { get; init; } = "";

    public string Unit { get; init; } = "";

    /// <summary>Comma list of <c>DNS:</c>, <c>IP:</c>, <c>email:</c> entries, as the user typed them.</summary>
    public string SubjectAltName { get; init; } = "";

    public KeySize KeySize { get; init; } = KeySize.Default;

    public int DaysValid { get; init; } = 365;

    public DigestAlgorithm DigestAlgorithm { get; init; } = DigestAlgorithm.Sha256;

    public KeyUsage KeyUsage { get; init; } = KeyUsages.Default;

    /// <summary>Unset (<c>null</c>) means yes when self-signed and no when issued; an explicit value wins.</summary>
    public bool? Trusted { get; init; }

    /// <summary><c>all</c> or a comma list of services (reference §3.3).</summary>
    public string TrustStore { get; init; } = TrustStores.All;

    // ---- certificate fields (null on templates) ----

    /// <summary>The DER certificate; <c>null</c> for a template.</summary>
    public byte[]? Der { get; init; }

    /// <summary>The private key, sealed by <see cref="Ports.IKeyProtector"/>; never clear text.</summary>
    public SealedKey? PrivateKey { get; init; }

    /// <summary>Upper-case hex of the serial number's value bytes.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>SHA-256 of <see cref="Der"/>, lower-case hex.</summary>
    public string? Fingerprint { get; init; }

    public string? Skid { get; init; }

    public string? Akid { get; init; }

    public DateTimeOffset? InvalidBefore { get; init; }

    public DateTimeOffset? InvalidAfter { get; init; }

    /// <summary>Issuer DN as RouterOS prints it (<c>C=US,O=…,CN=…</c>).</summary>
    public string? Issuer { get; init; }

    /// <summary>The local CA entry that issued this certificate (flag I, property <c>ca</c>).</summary>
    public ItemId? IssuedBy { get; init; }

    public string? CaCrlHost { get; init; }

    public DateTimeOffset? Revoked { get; init; }

    /// <summary>The CRL reason keyword of a revocation (RFC 5280 §5.3.1), e.g. <c>key-compromise</c>.</summary>
    public string? RevocationReason { get; init; }

    public bool NoKeyExport { get; init; }

    /// <summary>The CRL Distribution Point URIs the certificate carries, comma separated.</summary>
    public string? CrlDistributionPoints { get; init; }

    /// <summary>SHA-256 of the certificate's SubjectPublicKeyInfo, lower-case hex: pairs keys with certificates.</summary>
    public string? PublicKeyHash { get; init; }

    /// <summary>
    /// The client that manages this entry (SCEP enrolment, ACME order), or <c>null</c> for an entry
    /// the user manages by hand. Its properties are the client's own (urls, status, fingerprints).
    /// </summary>
    public Management? Management { get; init; }

    public bool IsTemplate => Der is null;

    /// <summary>Flag L: a CA that publishes a CRL, or a certificate that names where its CRL is.</summary>
    public bool HasCrlInformation => !string.IsNullOrEmpty(CaCrlHost) || !string.IsNullOrEmpty(CrlDistributionPoints);

    /// <summary>
    /// Flag A (reference §1.4): key-cert-sign, on a certificate made here or holding its key or
    /// carrying CRL information. An imported public root without a key shows only T, as on RouterOS.
    /// </summary>
    public bool IsAuthority =>
        (KeyUsage & KeyUsage.KeyCertSign) != 0 && !IsTemplate && (PrivateKey is not null || IssuedBy is not null || HasCrlInformation);

    /// <summary>The trusted value in effect: explicit, else yes for self-signed and no for issued.</summary>
    public bool EffectiveTrusted => Trusted ?? (IssuedBy is null);
}

/// <summary>
/// The protocol client behind a managed entry: <see cref="Kind"/> (<c>scep</c>, <c>acme</c>) and its
/// string properties, kept as JSON in the entry's row.
/// </summary>
public sealed record Management(string Kind, IReadOnlyDictionary<string, string> Properties);

/// <summary>A private key sealed at rest (AES-256-GCM under the master key): opaque bytes.</summary>
public sealed record SealedKey(byte[] Bytes);

using RosCert.Core.Model;

namespace RosCert.Core.Issuance;

/// <summary>The subject fields of a template; empty parts are left out of the name.</summary>
public sealed record SubjectFields(string CommonName, string Country, string State, string Locality, string Organization, string Unit);

/// <summary>What to certify: the template's fields and the subject's public key (DER SubjectPublicKeyInfo).</summary>
public sealed record IssuanceRequest(
    SubjectFields Subject,
    IReadOnlyList<SanEntry> SubjectAltNames,
    KeyUsage KeyUsage,
    int DaysValid,
    DigestAlgorithm Digest,
    byte[] SubjectPublicKeyInfo)
{
    /// <summary>True when the caller exported <see cref="SubjectPublicKeyInfo"/> from a key it generated
    /// itself (<c>sign</c>), so the issuer need not load the key once more to check it is one it can certify.</summary>
    public bool PublicKeyChecked { get; init; }
}

/// <summary>
/// The issuing CA: its DER certificate and its private key as PKCS#8 DER; <see cref="CrlHosts"/> from
/// the CA's <c>ca-crl-host</c> (comma list split).
/// </summary>
public sealed record SigningAuthority(byte[] CertificateDer, byte[] PrivateKeyPkcs8, IReadOnlyList<string> CrlHosts);

/// <summary>
/// A certificate and the printed facts RouterOS keeps about it (reference §1.5): upper-case hex serial,
/// lower-case SHA-256 fingerprint, upper-case 40-digit skid/akid, issuer as <c>C=..,O=..,CN=..</c>,
/// the CRL distribution point URIs (comma separated, null when none) and the SHA-256 of the public key.
/// </summary>
public sealed record IssuedCertificate(
    byte[] Der,
    string SerialNumber,
    string Fingerprint,
    string Skid,
    string Akid,
    DateTimeOffset InvalidBefore,
    DateTimeOffset InvalidAfter,
    string Issuer,
    string? CrlDistributionPoints,
    string PublicKeyHash);

using RosCert.Core.Model;

namespace RosCert.Core.Revocation;

/// <summary>One revoked certificate: its serial's value bytes (big-endian, as stored), when and why.</summary>
public readonly record struct RevokedEntry(byte[] SerialNumber, DateTimeOffset RevokedAt, RevocationReason Reason);

/// <summary>What a CRL is signed with and what it says about itself; entries come separately, as a stream.</summary>
public sealed record CrlRequest(
    byte[] IssuerCertificateDer,
    byte[] IssuerPrivateKeyPkcs8,
    DigestAlgorithm Digest,
    long CrlNumber,
    DateTimeOffset ThisUpdate,
    DateTimeOffset NextUpdate);

/// <summary>
/// The printed facts of a CRL. <see cref="Akid"/> is upper-case hex, <see cref="Fingerprint"/> the lower-case
/// SHA-256 of the DER; <see cref="SignatureValid"/> is false when no issuer was given.
/// </summary>
public sealed record CrlInfo(
    string Issuer,
    string? Akid,
    long? CrlNumber,
    DateTimeOffset ThisUpdate,
    DateTimeOffset? NextUpdate,
    int RevokedCount,
    string Fingerprint,
    bool SignatureValid);

namespace RosCert.Core.Model;

/// <summary>
/// The CRL of one local CA as stored: its number, validity, bytes (null until first built) and
/// whether a revocation since made it stale.
/// </summary>
public sealed record CrlRecord(ItemId CaId, long Number, DateTimeOffset? ThisUpdate, DateTimeOffset? NextUpdate, byte[]? Der, bool Stale);

/// <summary>One revoked certificate as the CRL lists it.</summary>
public readonly record struct RevokedSerial(string SerialNumber, DateTimeOffset RevokedAt, string? Reason);

/// <summary>
/// One revoked certificate as the store keeps it, handed over without copying: the serial number as hex text
/// and the reason keyword (empty when none) in UTF-8, valid only during the call; the time in Unix seconds.
/// </summary>
public delegate void RevokedRow(ReadOnlySpan<byte> serialNumberHex, long revokedAtUnixSeconds, ReadOnlySpan<byte> reason);

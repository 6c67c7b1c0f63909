using System.Collections.Concurrent;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Core.Revocation;

/// <summary>What the CRLs of a certificate's issuer say about it (reference §1.7, RFC 5280 §6.3).</summary>
public enum RevocationState
{
    /// <summary>A valid, current CRL of the issuer does not list the certificate.</summary>
    NotRevoked,

    /// <summary>A valid, current CRL of the issuer lists the certificate.</summary>
    Revoked,

    /// <summary>No <c>/certificate/crl</c> entry holds a CRL of the issuer.</summary>
    NoCrl,

    /// <summary>The issuer's CRLs are all past their nextUpdate.</summary>
    CrlExpired,

    /// <summary>The issuer's CRLs do not verify against a stored issuer, or their bytes are gone.</summary>
    CrlInvalid,
}

/// <summary>The answer for one certificate and the CRL entry it came from (null for <see cref="RevocationState.NoCrl"/>).</summary>
public sealed record RevocationCheck(RevocationState State, CrlEntry? Crl);

/// <summary>
/// The downloaded and imported CRLs of one transaction, ready to answer "is this certificate revoked"
/// for many certificates: a CRL is matched to a certificate by authority key id (else issuer name),
/// and its serials are parsed once per process per CRL fingerprint into a hash set, so printing
/// thousands of certificates against a CRL of a million entries parses it once.
/// </summary>
public sealed class RevocationIndex
{
    private const int CachedCrls = 16;
    private static readonly ConcurrentDictionary<string, HashSet<string>> s_serials = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<CrlEntry> _entries;
    private readonly Func<CrlData, byte[]?> _bytes;
    private readonly DateTimeOffset _now;

    private RevocationIndex(IReadOnlyList<CrlEntry> entries, Func<CrlData, byte[]?> bytes, DateTimeOffset now)
    {
        _entries = entries;
        _bytes = bytes;
        _now = now;
    }

    /// <summary>The CRL entries of the store; CRL bytes are read (store or ram cache) only when first needed.</summary>
    public static RevocationIndex Load(IStoreReader reader, ICrlCache? cache, DateTimeOffset now) =>
        new([.. CrlEntries.All(reader).Where(e => e.Data is not null)], data => CrlEntries.Bytes(reader, cache, data), now);

    public RevocationCheck Check(CertificateEntry certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        CrlEntry? expired = null;
        CrlEntry? invalid = null;
        CrlEntry? current = null;
        foreach (CrlEntry entry in _entries.Where(e => Matches(e.Data!, certificate)))
        {
            CrlData data = entry.Data!;
            if (!data.Info.SignatureValid)
            {
                invalid ??= entry;
            }
            else if (CrlEntries.Expired(data, _now))
            {
                expired ??= entry;
            }
            else if (Serials(data) is not { } serials)
            {
                invalid ??= entry;
            }
            else if (serials.Contains(certificate.SerialNumber ?? ""))
            {
                return new RevocationCheck(RevocationState.Revoked, entry);
            }
            else
            {
                current ??= entry;
            }
        }

        return current is not null ? new RevocationCheck(RevocationState.NotRevoked, current)
            : invalid is not null ? new RevocationCheck(RevocationState.CrlInvalid, invalid)
            : expired is not null ? new RevocationCheck(RevocationState.CrlExpired, expired)
            : new RevocationCheck(RevocationState.NoCrl, null);
    }

    /// <summary>RFC 5280 §6.3.3 (b): the CRL's issuer is the certificate's issuer; the key id decides when both carry one.</summary>
    private static bool Matches(CrlData data, CertificateEntry certificate) =>
        !string.IsNullOrEmpty(data.Info.Akid) && !string.IsNullOrEmpty(certificate.Akid)
            ? string.Equals(data.Info.Akid, certificate.Akid, StringComparison.OrdinalIgnoreCase)
            : data.Info.Issuer == certificate.Issuer;

    private HashSet<string>? Serials(CrlData data)
    {
        if (s_serials.TryGetValue(data.Info.Fingerprint, out HashSet<string>? cached))
        {
            return cached;
        }

        if (_bytes(data) is not { } der)
        {
            return null;
        }

        HashSet<string> serials = CrlReader.RevokedSerials(der);
        if (s_serials.Count >= CachedCrls)
        {
            s_serials.Clear();
        }

        s_serials[data.Info.Fingerprint] = serials;
        return serials;
    }
}

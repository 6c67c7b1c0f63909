namespace RosCert.Core.Revocation;

/// <summary>
/// Writes a signed X.509 v2 CRL (RFC 5280 §5) in one pass over the entries, which may be a lazily enumerated
/// list of millions: time O(n), memory O(output). .NET's CertificateRevocationListBuilder is quadratic in the
/// entry count, so <see cref="CrlBuilder"/> encodes DER by hand with lengths computed arithmetically.
/// </summary>
public static class CrlWriter
{
    /// <summary>The DER CRL as one array of exactly its length.</summary>
    public static byte[] Write(CrlRequest request, IEnumerable<RevokedEntry> entries) => Build(request, entries).ToArray();

    /// <summary>The same bytes as <see cref="Write(CrlRequest, IEnumerable{RevokedEntry})"/>, written to a stream.</summary>
    public static void Write(CrlRequest request, IEnumerable<RevokedEntry> entries, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Build(request, entries).WriteTo(output);
    }

    private static SignedCrl Build(CrlRequest request, IEnumerable<RevokedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var builder = new CrlBuilder(request);
        foreach (RevokedEntry entry in entries)
        {
            builder.Add(entry.SerialNumber, entry.RevokedAt, entry.Reason);
        }

        return builder.Sign();
    }
}

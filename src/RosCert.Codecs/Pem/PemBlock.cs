namespace RosCert.Codecs.Pem;

/// <summary>
/// One <c>-----BEGIN label-----</c> … <c>-----END label-----</c> block of a PEM text.
/// <see cref="Headers"/> holds RFC 1421 §4.6 encapsulated headers (<c>Proc-Type</c>, <c>DEK-Info</c>
/// of legacy OpenSSL keys); RFC 7468 blocks have none. A damaged block has an <see cref="Error"/>
/// and empty <see cref="Data"/>.
/// </summary>
public sealed record PemBlock(string Label, byte[] Data, IReadOnlyDictionary<string, string> Headers, string? Error)
{
    public bool IsValid => Error is null;

    internal static PemBlock Damaged(string label, string error) =>
        new(label, [], new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), error);
}

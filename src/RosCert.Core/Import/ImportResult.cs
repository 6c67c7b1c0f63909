namespace RosCert.Core.Import;

/// <summary>
/// What one file held, as <c>/certificate import</c> counts it (reference §2.9): certificates and CRLs
/// as DER in file order, private keys as unencrypted PKCS#8 (RFC 5208 §5, RSA or EC, in memory only),
/// duplicates inside the file removed. <see cref="DecryptionFailures"/> is 1 when the passphrase was
/// missing or wrong for the file's encrypted content; nothing encrypted is returned then.
/// </summary>
public sealed record ImportResult(
    IReadOnlyList<byte[]> Certificates,
    IReadOnlyList<byte[]> PrivateKeys,
    IReadOnlyList<byte[]> Crls,
    int DecryptionFailures);

/// <summary>The bytes hold no certificate, key or CRL format at all (or are larger than <see cref="ImportReader.MaxFileSize"/>).</summary>
public sealed class ImportFormatException(string message) : Exception(message);

using System.Security.Cryptography;
using RosCert.Core.Model;

namespace RosCert.Scep.Wire;

/// <summary>The content-encryption ciphers of the pkcsPKIEnvelope (RFC 8894 §3.5.2 capabilities DES3, AES), all CBC.</summary>
public enum ScepCipher
{
    Des,
    TripleDes,
    Aes128,
    Aes192,
    Aes256,
}

/// <summary>Cipher and digest object identifiers, both ways (RFC 8018 B.2, NIST CSOR, RFC 3370, RFC 5754).</summary>
public static class ScepAlgorithms
{
    private static readonly (ScepCipher Cipher, string Oid, string Name)[] s_ciphers =
    [
        (ScepCipher.Des, "1.3.14.3.2.7", "des"),
        (ScepCipher.TripleDes, "1.2.840.113549.3.7", "des3"),
        (ScepCipher.Aes128, "2.16.840.1.101.3.4.1.2", "aes128"),
        (ScepCipher.Aes192, "2.16.840.1.101.3.4.1.22", "aes192"),
        (ScepCipher.Aes256, "2.16.840.1.101.3.4.1.42", "aes256"),
    ];

    private static readonly (DigestAlgorithm Digest, string Oid, HashAlgorithmName Hash)[] s_digests =
    [
        (DigestAlgorithm.Md5, "1.2.840.113549.2.5", HashAlgorithmName.MD5),
        (DigestAlgorithm.Sha1, "1.3.14.3.2.26", HashAlgorithmName.SHA1),
        (DigestAlgorithm.Sha256, "2.16.840.1.101.3.4.2.1", HashAlgorithmName.SHA256),
        (DigestAlgorithm.Sha384, "2.16.840.1.101.3.4.2.2", HashAlgorithmName.SHA384),
        (DigestAlgorithm.Sha512, "2.16.840.1.101.3.4.2.3", HashAlgorithmName.SHA512),
    ];

    public static IReadOnlyList<ScepCipher> Ciphers { get; } = [.. s_ciphers.Select(c => c.Cipher)];

    public static IReadOnlyList<DigestAlgorithm> Digests { get; } = [.. s_digests.Select(d => d.Digest)];

    public static string OidOf(ScepCipher cipher) => s_ciphers.Single(c => c.Cipher == cipher).Oid;

    public static string NameOf(ScepCipher cipher) => s_ciphers.Single(c => c.Cipher == cipher).Name;

    public static string OidOf(DigestAlgorithm digest) => s_digests.Single(d => d.Digest == digest).Oid;

    public static HashAlgorithmName HashOf(DigestAlgorithm digest) => s_digests.Single(d => d.Digest == digest).Hash;

    public static ScepCipher CipherOf(string? oid) =>
        s_ciphers.FirstOrDefault(c => c.Oid == oid) is { Oid: not null } found
            ? found.Cipher
            : throw new ScepException(FailInfo.BadAlg, $"unsupported content encryption {oid}");

    public static DigestAlgorithm DigestOf(string? oid) =>
        s_digests.FirstOrDefault(d => d.Oid == oid) is { Oid: not null } found
            ? found.Digest
            : throw new ScepException(FailInfo.BadAlg, $"unsupported digest {oid}");
}

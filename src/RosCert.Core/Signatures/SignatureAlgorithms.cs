using System.Formats.Asn1;
using System.Security.Cryptography;
using RosCert.Core.Model;

namespace RosCert.Core.Signatures;

/// <summary>One signature algorithm: its OID, the key type that signs with it and the digest.</summary>
public sealed record SignatureAlgorithm(string Oid, KeyType KeyType, DigestAlgorithm Digest);

/// <summary>
/// The one table of signature algorithm OIDs, used for signing certificates and requests and for
/// verifying requests.
/// </summary>
public static class SignatureAlgorithms
{
    /// <summary>There is no ECDSA-with-MD5 algorithm; every face shows this text when it is asked for.</summary>
    public const string EcMd5Message = "md5 digest can not be used with EC keys";

    public const string RsaEncryption = "1.2.840.113549.1.1.1";
    public const string EcPublicKey = "1.2.840.10045.2.1";

    // RFC 3279 §2.2.1 (md5/sha1WithRSAEncryption), RFC 4055 §5 (sha2), RFC 3279 §2.2.3 and
    // RFC 5758 §3.2 (ecdsa-with-SHA1/SHA2). There is no ECDSA-with-MD5 OID.
    public static IReadOnlyList<SignatureAlgorithm> Table { get; } =
    [
        new("1.2.840.113549.1.1.4", KeyType.Rsa, DigestAlgorithm.Md5),
        new("1.2.840.113549.1.1.5", KeyType.Rsa, DigestAlgorithm.Sha1),
        new("1.2.840.113549.1.1.11", KeyType.Rsa, DigestAlgorithm.Sha256),
        new("1.2.840.113549.1.1.12", KeyType.Rsa, DigestAlgorithm.Sha384),
        new("1.2.840.113549.1.1.13", KeyType.Rsa, DigestAlgorithm.Sha512),
        new("1.2.840.10045.4.1", KeyType.Ec, DigestAlgorithm.Sha1),
        new("1.2.840.10045.4.3.2", KeyType.Ec, DigestAlgorithm.Sha256),
        new("1.2.840.10045.4.3.3", KeyType.Ec, DigestAlgorithm.Sha384),
        new("1.2.840.10045.4.3.4", KeyType.Ec, DigestAlgorithm.Sha512),
    ];

    public static SignatureAlgorithm? Find(string oid) => Table.FirstOrDefault(a => a.Oid == oid);

    public static SignatureAlgorithm? Find(KeyType keyType, DigestAlgorithm digest) =>
        Table.FirstOrDefault(a => a.KeyType == keyType && a.Digest == digest);

    public static HashAlgorithmName HashName(DigestAlgorithm digest) => digest switch
    {
        DigestAlgorithm.Md5 => HashAlgorithmName.MD5,
        DigestAlgorithm.Sha1 => HashAlgorithmName.SHA1,
        DigestAlgorithm.Sha256 => HashAlgorithmName.SHA256,
        DigestAlgorithm.Sha384 => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    public static DigestAlgorithm DigestOf(HashAlgorithmName hash) =>
        DigestAlgorithms.TryParse(hash.Name?.ToLowerInvariant() ?? "", out DigestAlgorithm digest)
            ? digest
            : throw new CryptographicException($"unsupported digest {hash.Name}");

    /// <summary>
    /// AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. RSA carries an
    /// explicit NULL (RFC 3279 §2.2.1, RFC 4055 §5); ECDSA omits the parameters (RFC 5758 §3.2).
    /// </summary>
    public static byte[] EncodeIdentifier(SignatureAlgorithm algorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(algorithm.Oid);
            if (algorithm.KeyType == KeyType.Rsa)
            {
                writer.WriteNull();
            }
        }

        return writer.Encode();
    }

    /// <summary>Checks a signature; a malformed signature or key is "not valid", never an exception.</summary>
    public static bool Verify(SignatureAlgorithm algorithm, byte[] subjectPublicKeyInfo, byte[] data, byte[] signature)
    {
        HashAlgorithmName hash = HashName(algorithm.Digest);
        try
        {
            if (algorithm.KeyType == KeyType.Rsa)
            {
                using var rsa = RSA.Create();
                rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
                return rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
            }

            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            return ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Core.Issuance;

/// <summary>
/// Signs with the request's digest and the issuer's key: RSA PKCS#1 v1.5 or ECDSA. .NET's own
/// generators refuse MD5 and SHA-1 for RSA; RouterOS offers both, and openssl accepts them at
/// <c>-auth_level 0</c>, so the AlgorithmIdentifier is written here (RFC 3279 §2.2.1, RFC 4055 §5,
/// RFC 5758 §3.2). The hash name CertificateRequest passes in is ignored: the digest chosen here wins.
/// </summary>
internal sealed class DigestSignatureGenerator : X509SignatureGenerator
{
    private readonly AsymmetricAlgorithm _key;
    private readonly HashAlgorithmName _hash;
    private readonly string _oid;

    private DigestSignatureGenerator(AsymmetricAlgorithm key, HashAlgorithmName hash, string oid)
    {
        _key = key;
        _hash = hash;
        _oid = oid;
    }

    /// <summary>The generator for an issuer key; ECDSA has no MD5 variant, so that pair is refused.</summary>
    public static DigestSignatureGenerator Create(AsymmetricAlgorithm issuerKey, DigestAlgorithm digest)
    {
        HashAlgorithmName hash = digest switch
        {
            DigestAlgorithm.Md5 => HashAlgorithmName.MD5,
            DigestAlgorithm.Sha1 => HashAlgorithmName.SHA1,
            DigestAlgorithm.Sha256 => HashAlgorithmName.SHA256,
            DigestAlgorithm.Sha384 => HashAlgorithmName.SHA384,
            DigestAlgorithm.Sha512 => HashAlgorithmName.SHA512,
            _ => throw new ArgumentException($"unknown digest algorithm {digest}"),
        };
        string oid = issuerKey switch
        {
            RSA => RsaOid(digest),
            ECDsa when digest == DigestAlgorithm.Md5 => throw new CryptographicException("md5 digest can not be used with EC keys"),
            ECDsa => EcdsaOid(digest),
            _ => throw new CryptographicException("the issuer key is neither RSA nor EC"),
        };
        return new DigestSignatureGenerator(issuerKey, hash, oid);
    }

    // md5WithRSAEncryption, sha1WithRSAEncryption (RFC 3279 §2.2.1), sha256/384/512WithRSAEncryption (RFC 4055 §5)
    private static string RsaOid(DigestAlgorithm digest) => digest switch
    {
        DigestAlgorithm.Md5 => "1.2.840.113549.1.1.4",
        DigestAlgorithm.Sha1 => "1.2.840.113549.1.1.5",
        DigestAlgorithm.Sha256 => "1.2.840.113549.1.1.11",
        DigestAlgorithm.Sha384 => "1.2.840.113549.1.1.12",
        _ => "1.2.840.113549.1.1.13",
    };

    // ecdsa-with-SHA1 (RFC 3279 §2.2.3), ecdsa-with-SHA256/384/512 (RFC 5758 §3.2)
    private static string EcdsaOid(DigestAlgorithm digest) => digest switch
    {
        DigestAlgorithm.Sha1 => "1.2.840.10045.4.1",
        DigestAlgorithm.Sha256 => "1.2.840.10045.4.3.2",
        DigestAlgorithm.Sha384 => "1.2.840.10045.4.3.3",
        _ => "1.2.840.10045.4.3.4",
    };

    /// <summary>
    /// AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }:
    /// RSA "parameters MUST be present and MUST be NULL" (RFC 4055 §5); ECDSA "MUST omit the parameters
    /// field" (RFC 5758 §3.2).
    /// </summary>
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(_oid);
            if (_key is RSA)
            {
                writer.WriteNull();
            }
        }

        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => _key switch
    {
        // RSA.SignData takes MD5 and SHA-1 (only the certificate generator refuses them).
        RSA rsa => rsa.SignData(data, _hash, RSASignaturePadding.Pkcs1),

        // Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3)
        ECDsa ecdsa => ecdsa.SignData(data, _hash, DSASignatureFormat.Rfc3279DerSequence),
        _ => throw new CryptographicException("the issuer key is neither RSA nor EC"),
    };

    protected override PublicKey BuildPublicKey() => new(_key);
}

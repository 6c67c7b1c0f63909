using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Core.Signatures;

/// <summary>
/// Signs certificates and requests with a chosen digest and the signer's key: RSA PKCS#1 v1.5 or ECDSA. .NET's own
/// generators refuse MD5 and SHA-1 for RSA; RouterOS offers both, and openssl accepts them at
/// <c>-auth_level 0</c>, so the AlgorithmIdentifier is written here (RFC 3279 §2.2.1, RFC 4055 §5,
/// RFC 5758 §3.2). The hash name CertificateRequest passes in is ignored: the digest chosen here wins.
/// </summary>
public sealed class DigestSignatureGenerator : X509SignatureGenerator
{
    private readonly AsymmetricAlgorithm _key;
    private readonly SignatureAlgorithm _algorithm;

    private DigestSignatureGenerator(AsymmetricAlgorithm key, SignatureAlgorithm algorithm)
    {
        _key = key;
        _algorithm = algorithm;
    }

    /// <summary>The generator for a signing key; ECDSA has no MD5 variant, so that pair is refused.</summary>
    public static DigestSignatureGenerator Create(AsymmetricAlgorithm key, DigestAlgorithm digest)
    {
        KeyType keyType = key switch
        {
            RSA => KeyType.Rsa,
            ECDsa => KeyType.Ec,
            _ => throw new CryptographicException("the signing key is neither RSA nor EC"),
        };
        SignatureAlgorithm algorithm = SignatureAlgorithms.Find(keyType, digest)
            ?? throw new CryptographicException(SignatureAlgorithms.EcMd5Message);
        return new DigestSignatureGenerator(key, algorithm);
    }

    /// <summary>
    /// AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }:
    /// RSA "parameters MUST be present and MUST be NULL" (RFC 4055 §5); ECDSA "MUST omit the parameters
    /// field" (RFC 5758 §3.2).
    /// </summary>
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
        SignatureAlgorithms.EncodeIdentifier(_algorithm);

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
    {
        HashAlgorithmName hash = SignatureAlgorithms.HashName(_algorithm.Digest);
        return _key switch
        {
            // RSA.SignData takes MD5 and SHA-1 (only the certificate generator refuses them).
            RSA rsa => rsa.SignData(data, hash, RSASignaturePadding.Pkcs1),

            // Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3)
            _ => ((ECDsa)_key).SignData(data, hash, DSASignatureFormat.Rfc3279DerSequence),
        };
    }

    protected override PublicKey BuildPublicKey() => new(_key);
}

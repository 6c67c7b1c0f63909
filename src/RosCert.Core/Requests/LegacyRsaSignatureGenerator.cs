using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Core.Requests;

/// <summary>
/// RSA PKCS#1 v1.5 signatures with MD5 or SHA-1 (RFC 3279 §2.2.1), which .NET's own
/// <see cref="X509SignatureGenerator.CreateForRSA"/> refuses. RouterOS still offers both digests.
/// </summary>
internal sealed class LegacyRsaSignatureGenerator(RSA key) : X509SignatureGenerator
{
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
        SignatureAlgorithms.EncodeIdentifier(Algorithm(hashAlgorithm));

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
    {
        _ = Algorithm(hashAlgorithm);
        return key.SignData(data, hashAlgorithm, RSASignaturePadding.Pkcs1);
    }

    protected override PublicKey BuildPublicKey() => new(key);

    private static SignatureAlgorithm Algorithm(HashAlgorithmName hashAlgorithm) =>
        SignatureAlgorithms.Find(KeyType.Rsa, SignatureAlgorithms.DigestOf(hashAlgorithm))!;
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Core.Requests;

/// <summary>
/// ecdsa-with-SHA1 (RFC 3279 §2.2.3): the signature is the DER <c>Ecdsa-Sig-Value</c> SEQUENCE
/// { r, s }. .NET's <see cref="X509SignatureGenerator.CreateForECDsa"/> refuses SHA-1.
/// </summary>
internal sealed class LegacyEcdsaSignatureGenerator(ECDsa key) : X509SignatureGenerator
{
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
        SignatureAlgorithms.EncodeIdentifier(Algorithm(hashAlgorithm));

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
    {
        _ = Algorithm(hashAlgorithm);
        return key.SignData(data, hashAlgorithm, DSASignatureFormat.Rfc3279DerSequence);
    }

    protected override PublicKey BuildPublicKey() => new(key);

    private static SignatureAlgorithm Algorithm(HashAlgorithmName hashAlgorithm) =>
        SignatureAlgorithms.Find(KeyType.Ec, SignatureAlgorithms.DigestOf(hashAlgorithm))
            ?? throw new CryptographicException(CertificateRequests.EcMd5Message);
}

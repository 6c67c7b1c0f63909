using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RosCert.Core.Issuance;

/// <summary>
/// Loads and checks key material: PKCS#8 private keys (RFC 5208) and SubjectPublicKeyInfo
/// (RFC 5280 §4.1.2.7). Only RSA (rsaEncryption) and EC (id-ecPublicKey) keys are certified.
/// </summary>
public static class KeyMaterial
{
    internal const string RsaOid = "1.2.840.113549.1.1.1";
    internal const string EcOid = "1.2.840.10045.2.1";

    /// <summary>The DER SubjectPublicKeyInfo of a PKCS#8 private key.</summary>
    public static byte[] SubjectPublicKeyInfo(byte[] privateKeyPkcs8)
    {
        using AsymmetricAlgorithm key = LoadPrivateKey(privateKeyPkcs8);
        return key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>Whether a PKCS#8 private key belongs to a SubjectPublicKeyInfo.</summary>
    /// <summary>SHA-256 of a DER SubjectPublicKeyInfo as lower-case hex: the key a certificate and its private key share.</summary>
    public static string PublicKeyHash(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    public static bool Matches(byte[] privateKeyPkcs8, byte[] subjectPublicKeyInfo)
    {
        using AsymmetricAlgorithm key = LoadPrivateKey(privateKeyPkcs8);
        return Matches(key, ParsePublicKey(subjectPublicKeyInfo));
    }

    /// <summary>Loads an RSA or ECDSA private key from PKCS#8 DER; the caller disposes it.</summary>
    internal static AsymmetricAlgorithm LoadPrivateKey(byte[] privateKeyPkcs8)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPkcs8);
        string algorithm = PrivateKeyAlgorithm(privateKeyPkcs8);
        AsymmetricAlgorithm key = algorithm switch
        {
            RsaOid => RSA.Create(),
            EcOid => ECDsa.Create(),
            _ => throw new CryptographicException($"private keys of algorithm {algorithm} are not supported"),
        };
        try
        {
            key.ImportPkcs8PrivateKey(privateKeyPkcs8, out int read);
            if (read != privateKeyPkcs8.Length)
            {
                throw new CryptographicException("the private key has trailing data after its PKCS#8 structure");
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Parses a DER SubjectPublicKeyInfo that holds an RSA or EC public key, checking that the key itself loads.</summary>
    internal static PublicKey ParsePublicKey(byte[] subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        PublicKey key;
        try
        {
            key = PublicKey.CreateFromSubjectPublicKeyInfo(subjectPublicKeyInfo, out int read);
            if (read != subjectPublicKeyInfo.Length)
            {
                throw new CryptographicException("the public key has trailing data after its SubjectPublicKeyInfo");
            }
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            throw new CryptographicException("the public key is not a valid SubjectPublicKeyInfo", e);
        }

        using AsymmetricAlgorithm loaded = LoadPublicKey(key);
        return key;
    }

    /// <summary>Whether a private key and a public key are one pair (compared as re-encoded SPKI).</summary>
    internal static bool Matches(AsymmetricAlgorithm privateKey, PublicKey publicKey)
    {
        using AsymmetricAlgorithm loaded = LoadPublicKey(publicKey);
        return privateKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(loaded.ExportSubjectPublicKeyInfo());
    }

    internal static AsymmetricAlgorithm LoadPublicKey(PublicKey key) => key.Oid.Value switch
    {
        RsaOid => key.GetRSAPublicKey(),
        EcOid => key.GetECDsaPublicKey(),
        _ => (AsymmetricAlgorithm?)null,
    } ?? throw new CryptographicException($"public keys of algorithm {key.Oid.Value} are not supported");

    // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, ... } (RFC 5208 §5)
    private static string PrivateKeyAlgorithm(byte[] pkcs8)
    {
        try
        {
            AsnReader info = new AsnReader(pkcs8, AsnEncodingRules.DER).ReadSequence();
            _ = info.ReadInteger();
            return info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("the private key is not a valid PKCS#8 key", e);
        }
    }
}

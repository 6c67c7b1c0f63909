using System.Formats.Asn1;
using System.Security.Cryptography;
using RosCert.Codecs.Pem;
using RosCert.Core.Model;
using RosCert.Core.Signatures;

namespace RosCert.Core.Requests;

/// <summary>Helpers over PKCS#8 PrivateKeyInfo (RFC 5208 §5) for RSA and EC keys.</summary>
public static class PrivateKeys
{
    /// <summary>
    /// PBKDF2 iterations of <see cref="ExportEncryptedPem"/>: 100,000, above the OWASP-era floor for
    /// HMAC-SHA256 and well under the 300,000 that .NET's PKCS#12 loader accepts by default.
    /// </summary>
    public const int Pbkdf2Iterations = 100_000;

    /// <summary>The key type named by the PrivateKeyInfo's privateKeyAlgorithm (RFC 5208 §5).</summary>
    public static KeyType TypeOf(byte[] pkcs8)
    {
        string oid;
        try
        {
            // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, ... }
            AsnReader info = new AsnReader(pkcs8, AsnEncodingRules.BER).ReadSequence();
            _ = info.ReadInteger();
            oid = info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("private key is not a PKCS#8 PrivateKeyInfo", e);
        }

        return oid switch
        {
            SignatureAlgorithms.RsaEncryption => KeyType.Rsa,
            SignatureAlgorithms.EcPublicKey => KeyType.Ec,
            _ => throw new CryptographicException($"private key algorithm {oid} is not supported"),
        };
    }

    /// <summary>An <see cref="RSA"/> or <see cref="ECDsa"/> holding the key; the caller disposes it.</summary>
    public static AsymmetricAlgorithm Open(byte[] pkcs8)
    {
        AsymmetricAlgorithm key = TypeOf(pkcs8) == KeyType.Rsa ? RSA.Create() : ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out int read);
            return read == pkcs8.Length ? key : throw new CryptographicException("private key has trailing data");
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The DER SubjectPublicKeyInfo of the key's public half.</summary>
    public static byte[] PublicKeyInfo(byte[] pkcs8)
    {
        using AsymmetricAlgorithm key = Open(pkcs8);
        return key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>
    /// <c>ENCRYPTED PRIVATE KEY</c> PEM (RFC 5208 §6 EncryptedPrivateKeyInfo, RFC 7468 §11) under
    /// PBES2 (RFC 8018 §6.2) with PBKDF2-HMAC-SHA256 (§5.2, <see cref="Pbkdf2Iterations"/> rounds,
    /// random salt) and AES-256-CBC (RFC 8018 §B.2.5 via RFC 3565).
    /// </summary>
    public static string ExportEncryptedPem(byte[] pkcs8, string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        using AsymmetricAlgorithm key = Open(pkcs8);
        var parameters = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Pbkdf2Iterations);
        byte[] encrypted = key.ExportEncryptedPkcs8PrivateKey(passphrase, parameters);
        return PemFile.Write("ENCRYPTED PRIVATE KEY", encrypted);
    }
}

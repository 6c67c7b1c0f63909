using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using RosCert.Core.Issuance;

namespace RosCert.Core.Import;

/// <summary>
/// Turns every private key form that <c>import</c> reads into one PKCS#8 PrivateKeyInfo (RFC 5208 §5),
/// re-encoded by .NET so that the rest of RosCert sees one canonical DER. RSA and EC only: other
/// algorithms come back as null and are skipped like any unusable block.
/// </summary>
internal static class KeyForms
{
    /// <summary>The most KDF iterations RosCert runs for one key or one PKCS#12 bag (OpenSSL writes 2048).</summary>
    public const int MaxKdfIterations = 1_000_000;

    private const string Pbes2Oid = "1.2.840.113549.1.5.13";
    private const string Pbkdf2Oid = "1.2.840.113549.1.5.12";

    /// <summary>A PKCS#8 PrivateKeyInfo of an RSA or EC key, re-encoded; null for other algorithms or damage.</summary>
    public static byte[]? FromPkcs8(ReadOnlyMemory<byte> pkcs8)
    {
        try
        {
            AsnReader info = new AsnReader(pkcs8, AsnEncodingRules.BER).ReadSequence();
            _ = info.ReadInteger();
            using AsymmetricAlgorithm? key = info.ReadSequence().ReadObjectIdentifier() switch
            {
                KeyMaterial.RsaOid => RSA.Create(),
                KeyMaterial.EcOid => ECDsa.Create(),
                _ => null,
            };
            key?.ImportPkcs8PrivateKey(pkcs8.Span, out _);
            return key?.ExportPkcs8PrivateKey();
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or PlatformNotSupportedException)
        {
            // PlatformNotSupportedException: an EC curve OpenSSL does not know.
            return null;
        }
    }

    /// <summary>PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2, PEM label <c>RSA PRIVATE KEY</c>).</summary>
    public static byte[]? FromRsaPrivateKey(ReadOnlySpan<byte> der)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportRSAPrivateKey(der, out _);
            return rsa.ExportPkcs8PrivateKey();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// SEC1 ECPrivateKey (RFC 5915, PEM label <c>EC PRIVATE KEY</c>). When it carries no curve
    /// parameters, those of a preceding <c>EC PARAMETERS</c> block (RFC 5480 §2.1.1 ECParameters,
    /// as <c>openssl ecparam -genkey</c> writes) go into a PKCS#8 AlgorithmIdentifier around it.
    /// </summary>
    public static byte[]? FromEcPrivateKey(ReadOnlySpan<byte> der, ReadOnlySpan<byte> ecParameters)
    {
        using var ec = ECDsa.Create();
        try
        {
            ec.ImportECPrivateKey(der, out _);
            return ec.ExportPkcs8PrivateKey();
        }
        catch (CryptographicException) when (IsOneValue(ecParameters))
        {
            return FromPkcs8(WrapEcPrivateKey(der, ecParameters));
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            // PlatformNotSupportedException: an EC curve OpenSSL does not know.
            return null;
        }
    }

    /// <summary>
    /// Decrypts an EncryptedPrivateKeyInfo (RFC 5208 §6; PBES2 of RFC 8018 §6.2, PBES1 §6.1 or a
    /// PKCS#12 PBE of RFC 7292 §C). Null when the passphrase is missing or wrong, the scheme is not
    /// supported, or the iteration count is above <see cref="MaxKdfIterations"/>.
    /// </summary>
    public static byte[]? DecryptPkcs8(ReadOnlyMemory<byte> encrypted, string? passphrase)
    {
        if (passphrase is null || !IterationsWithinLimit(encrypted))
        {
            return null;
        }

        try
        {
            Pkcs8PrivateKeyInfo info = Pkcs8PrivateKeyInfo.DecryptAndDecode(passphrase, encrypted, out _);
            return info.Encode();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The KDF iteration count of the encryption scheme, checked before any key derivation runs.</summary>
    private static bool IterationsWithinLimit(ReadOnlyMemory<byte> encrypted)
    {
        try
        {
            AsnReader algorithm = new AsnReader(encrypted, AsnEncodingRules.BER).ReadSequence().ReadSequence();
            string scheme = algorithm.ReadObjectIdentifier();
            AsnReader parameters = algorithm.ReadSequence();
            if (scheme == Pbes2Oid)
            {
                // PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme ... } (RFC 8018 §A.4)
                AsnReader kdf = parameters.ReadSequence();
                if (kdf.ReadObjectIdentifier() != Pbkdf2Oid)
                {
                    return true; // scrypt and others: .NET refuses them before deriving anything
                }

                parameters = kdf.ReadSequence();
            }

            // PBKDF2-params, PBEParameter and pkcs-12PbeParams all begin { salt, iterationCount INTEGER }.
            _ = parameters.ReadEncodedValue();
            BigInteger iterations = parameters.ReadInteger();
            return iterations >= 1 && iterations <= MaxKdfIterations;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static bool IsOneValue(ReadOnlySpan<byte> der) =>
        !der.IsEmpty && AsnDecoder.TryReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out _, out int consumed) && consumed == der.Length;

    // PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier { id-ecPublicKey, ECParameters }, OCTET STRING ECPrivateKey }
    private static byte[] WrapEcPrivateKey(ReadOnlySpan<byte> sec1, ReadOnlySpan<byte> ecParameters)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(KeyMaterial.EcOid);
                writer.WriteEncodedValue(ecParameters);
            }

            writer.WriteOctetString(sec1);
        }

        return writer.Encode();
    }
}

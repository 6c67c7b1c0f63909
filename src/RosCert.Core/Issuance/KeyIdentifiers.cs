using System.Formats.Asn1;
using System.Security.Cryptography;

namespace RosCert.Core.Issuance;

/// <summary>Key identifiers (RFC 5280 §4.2.1.2).</summary>
public static class KeyIdentifiers
{
    /// <summary>
    /// RFC 5280 §4.2.1.2 method (1): "The keyIdentifier is composed of the 160-bit SHA-1 hash of the
    /// value of the BIT STRING subjectPublicKey (excluding the tag, length, and number of unused bits)."
    /// </summary>
    public static byte[] SubjectKeyId(byte[] subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        try
        {
            // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
            var outer = new AsnReader(subjectPublicKeyInfo, AsnEncodingRules.DER);
            AsnReader info = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            _ = info.ReadSequence();
            byte[] key = info.ReadBitString(out _);
            info.ThrowIfNotEmpty();
#pragma warning disable CA5350 // SHA-1 is what RFC 5280 method (1) names; it identifies, it does not protect
            return SHA1.HashData(key);
#pragma warning restore CA5350
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("the public key is not a valid SubjectPublicKeyInfo", e);
        }
    }
}

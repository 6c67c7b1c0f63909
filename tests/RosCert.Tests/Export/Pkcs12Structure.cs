using System.Formats.Asn1;
using System.Numerics;
using Xunit;

namespace RosCert.Tests.Export;

/// <summary>Reads the algorithm identifiers of a PFX with <see cref="AsnReader"/> (RFC 7292, RFC 8018).</summary>
internal static class Pkcs12Structure
{
    public const string Data = "1.2.840.113549.1.7.1";
    public const string EncryptedData = "1.2.840.113549.1.7.6";
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string Pbes2 = "1.2.840.113549.1.5.13";
    private const string Pbkdf2 = "1.2.840.113549.1.5.12";
    private const string HmacWithSha256 = "1.2.840.113549.2.9";
    private const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";

    public sealed record Mac(string DigestOid, int DigestLength, int SaltLength, BigInteger Iterations);

    /// <summary>RFC 7292 §4: PFX ::= SEQUENCE { version, authSafe ContentInfo, macData MacData OPTIONAL }.</summary>
    public static Mac? ReadMac(byte[] pfx)
    {
        AsnReader sequence = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        Assert.Equal(3, (int)sequence.ReadInteger());
        _ = sequence.ReadEncodedValue();
        if (!sequence.HasData)
        {
            return null;
        }

        // MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }
        AsnReader macData = sequence.ReadSequence();
        AsnReader digestInfo = macData.ReadSequence();
        string oid = digestInfo.ReadSequence().ReadObjectIdentifier();
        int digestLength = digestInfo.ReadOctetString().Length;
        int saltLength = macData.ReadOctetString().Length;
        return new Mac(oid, digestLength, saltLength, macData.ReadInteger());
    }

    /// <summary>The contentType of each ContentInfo of the AuthenticatedSafe (RFC 7292 §4.1), with the
    /// EncryptedData's contentEncryptionAlgorithm (RFC 5652 §8) when there is one.</summary>
    public static IReadOnlyList<(string ContentType, ReadOnlyMemory<byte>? Algorithm)> ReadAuthenticatedSafe(byte[] pfx)
    {
        AsnReader sequence = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        _ = sequence.ReadInteger();
        AsnReader authSafe = sequence.ReadSequence();
        Assert.Equal(Data, authSafe.ReadObjectIdentifier());
        byte[] safes = authSafe.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString();
        AsnReader list = new AsnReader(safes, AsnEncodingRules.BER).ReadSequence();
        var result = new List<(string, ReadOnlyMemory<byte>?)>();
        while (list.HasData)
        {
            AsnReader contentInfo = list.ReadSequence();
            string type = contentInfo.ReadObjectIdentifier();
            result.Add((type, type == EncryptedData ? EncryptionAlgorithm(contentInfo) : null));
        }

        return result;
    }

    private static ReadOnlyMemory<byte> EncryptionAlgorithm(AsnReader contentInfo)
    {
        // [0] EXPLICIT EncryptedData { version, EncryptedContentInfo { contentType, contentEncryptionAlgorithm, ... } }
        AsnReader encryptedData = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
        _ = encryptedData.ReadInteger();
        AsnReader encryptedContentInfo = encryptedData.ReadSequence();
        Assert.Equal(Data, encryptedContentInfo.ReadObjectIdentifier());
        return encryptedContentInfo.ReadEncodedValue();
    }

    /// <summary>RFC 8018 §A.4 PBES2 { PBKDF2 { salt, iterationCount, prf hmacWithSHA256 }, aes256-CBC { iv } }.</summary>
    public static void AssertPbes2Aes256Sha256(ReadOnlyMemory<byte> algorithm, int iterations)
    {
        AsnReader identifier = new AsnReader(algorithm, AsnEncodingRules.DER).ReadSequence();
        Assert.Equal(Pbes2, identifier.ReadObjectIdentifier());
        AsnReader parameters = identifier.ReadSequence();
        AsnReader kdf = parameters.ReadSequence();
        Assert.Equal(Pbkdf2, kdf.ReadObjectIdentifier());
        AsnReader pbkdf2 = kdf.ReadSequence();
        Assert.True(pbkdf2.ReadOctetString().Length >= 8, "PBKDF2 salt shorter than 64 bits (RFC 8018 §4.1)");
        Assert.Equal(iterations, (int)pbkdf2.ReadInteger());
        if (pbkdf2.PeekTag() == Asn1Tag.Integer)
        {
            Assert.Equal(32, (int)pbkdf2.ReadInteger());
        }

        Assert.Equal(HmacWithSha256, pbkdf2.ReadSequence().ReadObjectIdentifier());
        AsnReader scheme = parameters.ReadSequence();
        Assert.Equal(Aes256Cbc, scheme.ReadObjectIdentifier());
        Assert.Equal(16, scheme.ReadOctetString().Length);
    }

    /// <summary>EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm, encryptedData } (RFC 5208 §6).</summary>
    public static ReadOnlyMemory<byte> KeyEncryptionAlgorithm(ReadOnlyMemory<byte> encryptedPrivateKeyInfo) =>
        new AsnReader(encryptedPrivateKeyInfo, AsnEncodingRules.BER).ReadSequence().ReadEncodedValue();
}

using System.Formats.Asn1;

namespace RosCert.Core.Import;

/// <summary>The DER (or BER) structures that <c>import</c> understands, told apart by their shape alone.</summary>
internal enum DerKind
{
    Unknown,
    Certificate,
    Crl,
    Pkcs7,
    Pkcs8,
    EncryptedPkcs8,
    RsaPrivateKey,
    EcPrivateKey,
    Pkcs12,
}

/// <summary>
/// Classifies the first ASN.1 element of some bytes by the tags of its top-level fields, without
/// decoding any of them: the parsers that run afterwards do the checking. Never throws.
/// </summary>
internal static class DerClassifier
{
    internal const string Pkcs7DataOid = "1.2.840.113549.1.7.1";
    internal const string Pkcs7SignedDataOid = "1.2.840.113549.1.7.2";

    /// <summary>The kind of the leading element and that element's encoding (trailing bytes are ignored).</summary>
    public static DerKind Classify(ReadOnlyMemory<byte> data, out ReadOnlyMemory<byte> element)
    {
        element = default;
        try
        {
            element = new AsnReader(data, AsnEncodingRules.BER).ReadEncodedValue();
            AsnReader fields = new AsnReader(element, AsnEncodingRules.BER).ReadSequence();
            return ClassifyFields(fields);
        }
        catch (AsnContentException)
        {
            return DerKind.Unknown;
        }
    }

    private static DerKind ClassifyFields(AsnReader fields)
    {
        List<ReadOnlyMemory<byte>> values = ReadValues(fields, 4);
        string shape = Shape(values);
        return shape switch
        {
            // PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL } (RFC 7292 §4)
            "IS" or "ISS" when IsPfx(values) => DerKind.Pkcs12,
            // PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, ... } (RFC 5208 §5)
            _ when shape.StartsWith("ISO", StringComparison.Ordinal) => DerKind.Pkcs8,
            // RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, ... } (RFC 8017 §A.1.2)
            _ when shape.StartsWith("III", StringComparison.Ordinal) => DerKind.RsaPrivateKey,
            // ECPrivateKey ::= SEQUENCE { version INTEGER {ecPrivkeyVer1(1)}, privateKey OCTET STRING, [0], [1] } (RFC 5915 §3)
            _ when shape.StartsWith("IO", StringComparison.Ordinal) => DerKind.EcPrivateKey,
            // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING } (RFC 5208 §6)
            "SO" => DerKind.EncryptedPkcs8,
            // ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT } (RFC 2315 §7) holding SignedData
            "D0" when IsOid(values[0], Pkcs7SignedDataOid) => DerKind.Pkcs7,
            // Certificate and CertificateList: SEQUENCE { tbs SEQUENCE, signatureAlgorithm, signatureValue BIT STRING } (RFC 5280 §4.1, §5.1)
            "SSB" => ClassifySigned(values[0]),
            _ => DerKind.Unknown,
        };
    }

    /// <summary>
    /// TBSCertificate is <c>[0] version?, serialNumber INTEGER, signature, issuer, validity SEQUENCE, …</c>;
    /// TBSCertList is <c>version INTEGER?, signature, issuer, thisUpdate Time, …</c>.
    /// A CSR (RFC 2986) has <c>version, subject, subjectPKInfo, [0] attributes</c> and is neither.
    /// </summary>
    private static DerKind ClassifySigned(ReadOnlyMemory<byte> tbs)
    {
        string shape = Shape(ReadValues(new AsnReader(tbs, AsnEncodingRules.BER).ReadSequence(), 5));
        if (shape.TrimStart('0').StartsWith("ISSS", StringComparison.Ordinal) && !shape.StartsWith("00", StringComparison.Ordinal))
        {
            return DerKind.Certificate;
        }

        string list = shape.StartsWith('I') ? shape[1..] : shape;
        return list.StartsWith("SST", StringComparison.Ordinal) ? DerKind.Crl : DerKind.Unknown;
    }

    /// <summary>One letter per field: Integer, Bit string, Octet string, oiD, Sequence, Time, 0 for [0], ? otherwise.</summary>
    private static string Shape(List<ReadOnlyMemory<byte>> values) =>
        string.Concat(values.Select(value => Asn1Tag.Decode(value.Span, out _) switch
        {
            { TagClass: TagClass.Universal, TagValue: 2 } => 'I',
            { TagClass: TagClass.Universal, TagValue: 3 } => 'B',
            { TagClass: TagClass.Universal, TagValue: 4 } => 'O',
            { TagClass: TagClass.Universal, TagValue: 6 } => 'D',
            { TagClass: TagClass.Universal, TagValue: 16 } => 'S',
            { TagClass: TagClass.Universal, TagValue: 23 or 24 } => 'T',
            { TagClass: TagClass.ContextSpecific, TagValue: 0 } => '0',
            _ => '?',
        }));

    private static bool IsPfx(List<ReadOnlyMemory<byte>> values)
    {
        if (values.Count is < 2 or > 3 || new AsnReader(values[0], AsnEncodingRules.BER).ReadInteger() != 3)
        {
            return false;
        }

        AsnReader authSafe = new AsnReader(values[1], AsnEncodingRules.BER).ReadSequence();
        string oid = authSafe.ReadObjectIdentifier();
        return oid is Pkcs7DataOid or Pkcs7SignedDataOid;
    }

    private static bool IsOid(ReadOnlyMemory<byte> value, string oid) =>
        new AsnReader(value, AsnEncodingRules.BER).ReadObjectIdentifier() == oid;

    /// <summary>Up to <paramref name="limit"/> leading fields, each as its whole encoding.</summary>
    private static List<ReadOnlyMemory<byte>> ReadValues(AsnReader reader, int limit)
    {
        var values = new List<ReadOnlyMemory<byte>>(limit);
        while (reader.HasData && values.Count < limit)
        {
            values.Add(reader.ReadEncodedValue());
        }

        return values;
    }
}

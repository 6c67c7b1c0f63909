using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RosCert.Codecs.Pem;
using RosCert.Core.Model;
using RosCert.Core.Signatures;

namespace RosCert.Core.Requests;

public static partial class CertificateRequests
{
    /// <summary>Requests larger than this are refused before parsing: a 16384-bit RSA CSR is under 5 KiB.</summary>
    public const int MaxRequestSize = 64 * 1024;

    private const string ExtensionRequestOid = "1.2.840.113549.1.9.14";

    /// <summary>
    /// Reads a PKCS#10 request, PEM (<c>CERTIFICATE REQUEST</c> or <c>NEW CERTIFICATE REQUEST</c>)
    /// or DER, and verifies its self-signature. Damaged input throws <see cref="FormatException"/>
    /// or <see cref="CryptographicException"/>; a signature that does not verify is not an error
    /// but <see cref="SigningRequest.SignatureValid"/> false.
    /// </summary>
    public static SigningRequest Load(ReadOnlySpan<byte> derOrPem)
    {
        if (derOrPem.Length > MaxRequestSize)
        {
            throw new FormatException($"certificate request is larger than {MaxRequestSize} bytes");
        }

        byte[] der = IsPem(derOrPem) ? FromPem(derOrPem) : derOrPem.ToArray();
        try
        {
            return Parse(der);
        }
        catch (AsnContentException e)
        {
            throw new FormatException("certificate request is not valid DER: " + e.Message, e);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException or NotSupportedException or InvalidOperationException)
        {
            throw new FormatException("certificate request is malformed: " + e.Message, e);
        }
    }

    private static bool IsPem(ReadOnlySpan<byte> input) =>
        input.TrimStart(" \t\r\n\uFEFF"u8).StartsWith("-----BEGIN "u8);

    private static byte[] FromPem(ReadOnlySpan<byte> input)
    {
        foreach (PemBlock block in PemFile.ReadAll(Encoding.UTF8.GetString(input)))
        {
            if (block.Label is "CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST")
            {
                return block.IsValid ? block.Data : throw new FormatException("certificate request PEM is damaged: " + block.Error);
            }
        }

        throw new FormatException("no CERTIFICATE REQUEST block in the PEM text");
    }

    /// <summary>
    /// CertificationRequest ::= SEQUENCE { certificationRequestInfo CertificationRequestInfo,
    ///   signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }   (RFC 2986 §4.2)
    /// </summary>
    private static SigningRequest Parse(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        AsnReader request = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        byte[] info = request.ReadEncodedValue().ToArray();
        string algorithmOid = request.ReadSequence().ReadObjectIdentifier(); // parameters: NULL or absent, not needed
        byte[] signature = request.ReadBitString(out int unusedBits);
        request.ThrowIfNotEmpty();
        if (unusedBits != 0)
        {
            throw new FormatException("certificate request signature is not a whole number of bytes");
        }

        RequestInfo parsed = ParseInfo(info);
        SignatureAlgorithm? algorithm = SignatureAlgorithms.Find(algorithmOid);
        bool valid = algorithm is not null
            && algorithm.KeyType == PublicKeyType(parsed.PublicKeyInfo)
            && SignatureAlgorithms.Verify(algorithm, parsed.PublicKeyInfo, info, signature);
        return new SigningRequest
        {
            Der = der,
            Subject = parsed.Subject,
            SubjectParts = SigningRequest.ReadParts(parsed.Subject),
            SubjectAltNames = parsed.San,
            KeyUsage = parsed.KeyUsage,
            SubjectPublicKeyInfo = parsed.PublicKeyInfo,
            ChallengePassword = parsed.Challenge,
            SignatureDigest = algorithm?.Digest,
            SignatureValid = valid,
        };
    }

    private readonly record struct RequestInfo(X500DistinguishedName Subject, byte[] PublicKeyInfo, KeyUsage KeyUsage, List<SanEntry> San, string? Challenge);

    /// <summary>
    /// CertificationRequestInfo ::= SEQUENCE { version INTEGER { v1(0) }, subject Name,
    ///   subjectPKInfo SubjectPublicKeyInfo, attributes [0] Attributes }   (RFC 2986 §4.1)
    /// </summary>
    private static RequestInfo ParseInfo(byte[] info)
    {
        AsnReader reader = new AsnReader(info, AsnEncodingRules.DER).ReadSequence();
        if (!reader.TryReadInt32(out int version) || version != 0)
        {
            throw new FormatException("certificate request version is not v1(0)");
        }

        var subject = new X500DistinguishedName(reader.ReadEncodedValue().Span);
        byte[] publicKeyInfo = reader.ReadEncodedValue().ToArray();
        _ = PublicKeyType(publicKeyInfo);
        var san = new List<SanEntry>();
        KeyUsage keyUsage = KeyUsage.None;
        string? challenge = null;
        // Attributes ::= SET OF Attribute; some old encoders leave the [0] out altogether.
        if (reader.HasData)
        {
            AsnReader attributes = reader.ReadSetOf(skipSortOrderValidation: true, new Asn1Tag(TagClass.ContextSpecific, 0));
            while (attributes.HasData)
            {
                ReadAttribute(attributes.ReadSequence(), ref keyUsage, san, ref challenge);
            }
        }

        reader.ThrowIfNotEmpty();
        return new RequestInfo(subject, publicKeyInfo, keyUsage, san, challenge);
    }

    /// <summary>Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET SIZE(1..MAX) OF ANY } (RFC 2986 §4.1).</summary>
    private static void ReadAttribute(AsnReader attribute, ref KeyUsage keyUsage, List<SanEntry> san, ref string? challenge)
    {
        string type = attribute.ReadObjectIdentifier();
        AsnReader values = attribute.ReadSetOf(skipSortOrderValidation: true);
        attribute.ThrowIfNotEmpty();
        switch (type)
        {
            case ChallengePasswordOid:
                challenge = ReadDirectoryString(values);
                break;
            case ExtensionRequestOid:
                ReadExtensions(values.ReadSequence(), ref keyUsage, san);
                break;
            default:
                return;
        }

        values.ThrowIfNotEmpty();
    }

    /// <summary>Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } (RFC 5280 §4.1).</summary>
    private static void ReadExtensions(AsnReader extensions, ref KeyUsage keyUsage, List<SanEntry> san)
    {
        while (extensions.HasData)
        {
            AsnReader extension = extensions.ReadSequence();
            string oid = extension.ReadObjectIdentifier();
            if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                _ = extension.ReadBoolean();
            }

            byte[] value = extension.ReadOctetString();
            extension.ThrowIfNotEmpty();
            RequestExtensions.Read(oid, value, ref keyUsage, san);
        }
    }

    /// <summary>DirectoryString ::= CHOICE { teletexString, printableString, universalString, utf8String, bmpString } (RFC 5280 §4.1.2.4); IA5String is also seen in the wild.</summary>
    private static string ReadDirectoryString(AsnReader values)
    {
        Asn1Tag tag = values.PeekTag();
        UniversalTagNumber type = tag.TagClass == TagClass.Universal ? (UniversalTagNumber)tag.TagValue : UniversalTagNumber.EndOfContents;
        return type is UniversalTagNumber.PrintableString or UniversalTagNumber.UTF8String or UniversalTagNumber.T61String
            or UniversalTagNumber.BMPString or UniversalTagNumber.IA5String
            ? values.ReadCharacterString(type)
            : throw new FormatException("challengePassword is not a DirectoryString");
    }

    /// <summary>The key type of a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), from its algorithm OID.</summary>
    private static KeyType? PublicKeyType(byte[] subjectPublicKeyInfo)
    {
        AsnReader info = new AsnReader(subjectPublicKeyInfo, AsnEncodingRules.DER).ReadSequence();
        string oid = info.ReadSequence().ReadObjectIdentifier();
        _ = info.ReadBitString(out _);
        info.ThrowIfNotEmpty();
        return oid switch
        {
            SignatureAlgorithms.RsaEncryption => KeyType.Rsa,
            SignatureAlgorithms.EcPublicKey => KeyType.Ec,
            _ => null,
        };
    }
}

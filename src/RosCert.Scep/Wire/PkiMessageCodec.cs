using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RosCert.Core.Model;

namespace RosCert.Scep.Wire;

/// <summary>
/// Reads and writes the outer SignedData of a pkiMessage (RFC 8894 §3.2). The SignerInfo signature
/// is RSA PKCS#1 v1.5 written as <c>rsaEncryption</c>, which strict peers (strongSwan) require.
/// </summary>
public static class PkiMessageCodec
{
    /// <summary>Upper bound of a pkiMessage we read (a request with a 16k-bit key stays far below).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>Decodes and verifies a pkiMessage; any damage is a <see cref="ScepException"/>.</summary>
    public static PkiMessage Read(ReadOnlySpan<byte> der)
    {
        if (der.Length == 0 || der.Length > MaxMessageBytes)
        {
            throw new ScepException("message is empty or too large");
        }

        try
        {
            var cms = new SignedCms();
            cms.Decode(der);
            if (cms.SignerInfos.Count != 1)
            {
                throw new ScepException(FailInfo.BadMessageCheck, "message must have exactly one signer");
            }

            SignerInfo signer = cms.SignerInfos[0];
            signer.CheckSignature(verifySignatureOnly: true);
            return FromSigner(cms, signer);
        }
        catch (Exception error) when (error is CryptographicException or AsnContentException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new ScepException(FailInfo.BadMessageCheck, "message is not a valid signed SCEP message: " + error.Message, error);
        }
    }

    private static PkiMessage FromSigner(SignedCms cms, SignerInfo signer)
    {
        Dictionary<string, byte[]> attributes = Attributes(signer);
        string type = PrintableOf(attributes, ScepOids.MessageType) ?? throw new ScepException("messageType attribute missing");
        string transaction = PrintableOf(attributes, ScepOids.TransactionId) ?? throw new ScepException("transactionID attribute missing");
        if (!int.TryParse(type, out int typeNumber) || !Enum.IsDefined((MessageType)typeNumber))
        {
            throw new ScepException($"unknown messageType {type}");
        }

        byte[] content = cms.Detached ? [] : cms.ContentInfo.Content;
        return new PkiMessage
        {
            Type = (MessageType)typeNumber,
            TransactionId = transaction,
            SenderNonce = OctetsOf(attributes, ScepOids.SenderNonce) ?? [],
            RecipientNonce = OctetsOf(attributes, ScepOids.RecipientNonce),
            Status = NumberOf<PkiStatus>(attributes, ScepOids.PkiStatus),
            FailInfo = NumberOf<FailInfo>(attributes, ScepOids.FailInfo),
            Digest = ScepAlgorithms.DigestOf(signer.DigestAlgorithm.Value),
            Signer = signer.Certificate,
            Envelope = content.Length == 0 ? null : content,
        };
    }

    /// <summary>Signs <paramref name="message"/> with <paramref name="signer"/> (a certificate holding its RSA key).</summary>
    public static byte[] Write(PkiMessage message, X509Certificate2 signer, IEnumerable<X509Certificate2>? extraCertificates = null)
    {
        if (message.Envelope is not { Length: > 0 } content)
        {
            return BareSignedData.Write(AttributesOf(message), message.Digest, signer);
        }

        var cms = new SignedCms(new ContentInfo(new Oid(ScepOids.Data), content));
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer)
        {
            DigestAlgorithm = new Oid(ScepAlgorithms.OidOf(message.Digest)),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        foreach (X509Certificate2 extra in extraCertificates ?? [])
        {
            cmsSigner.Certificates.Add(extra);
        }

        foreach ((string oid, byte[] value) in AttributesOf(message))
        {
            cmsSigner.SignedAttributes.Add(new AsnEncodedData(oid, value));
        }

        cms.ComputeSignature(cmsSigner, silent: true);
        return cms.Encode();
    }

    private static IEnumerable<(string Oid, byte[] Value)> AttributesOf(PkiMessage message)
    {
        yield return (ScepOids.MessageType, Printable(((int)message.Type).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        yield return (ScepOids.TransactionId, Printable(message.TransactionId));
        yield return (ScepOids.SenderNonce, Octets(message.SenderNonce));
        if (message.RecipientNonce is { } recipientNonce)
        {
            yield return (ScepOids.RecipientNonce, Octets(recipientNonce));
        }

        if (message.Status is { } status)
        {
            yield return (ScepOids.PkiStatus, Printable(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (message.FailInfo is { } failInfo)
        {
            yield return (ScepOids.FailInfo, Printable(((int)failInfo).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static Dictionary<string, byte[]> Attributes(SignerInfo signer)
    {
        var attributes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (CryptographicAttributeObject attribute in signer.SignedAttributes)
        {
            if (attribute.Oid.Value is { } oid && attribute.Values.Count > 0)
            {
                attributes.TryAdd(oid, attribute.Values[0].RawData);
            }
        }

        return attributes;
    }

    private static string? PrintableOf(Dictionary<string, byte[]> attributes, string oid)
    {
        if (!attributes.TryGetValue(oid, out byte[]? value))
        {
            return null;
        }

        // Peers write PrintableString; some old ones wrote UTF8String or IA5String.
        var reader = new AsnReader(value, AsnEncodingRules.BER);
        Asn1Tag tag = reader.PeekTag();
        UniversalTagNumber kind = tag.TagValue switch
        {
            (int)UniversalTagNumber.UTF8String => UniversalTagNumber.UTF8String,
            (int)UniversalTagNumber.IA5String => UniversalTagNumber.IA5String,
            _ => UniversalTagNumber.PrintableString,
        };
        return reader.ReadCharacterString(kind);
    }

    private static byte[]? OctetsOf(Dictionary<string, byte[]> attributes, string oid) =>
        attributes.TryGetValue(oid, out byte[]? value) ? new AsnReader(value, AsnEncodingRules.BER).ReadOctetString() : null;

    private static T? NumberOf<T>(Dictionary<string, byte[]> attributes, string oid)
        where T : struct, Enum =>
        PrintableOf(attributes, oid) is { } text && int.TryParse(text, out int number) && Enum.IsDefined(typeof(T), number)
            ? (T)(object)number
            : null;

    private static byte[] Printable(string text)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteCharacterString(UniversalTagNumber.PrintableString, text);
        return writer.Encode();
    }

    private static byte[] Octets(byte[] value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(value);
        return writer.Encode();
    }

    /// <summary>A fresh 16-byte nonce (RFC 8894 §3.2.1.5).</summary>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(16);

    /// <summary>The transactionID a client derives from its key: hex SHA-256 of the SubjectPublicKeyInfo (RFC 8894 §3.2.1.1).</summary>
    public static string TransactionIdOf(byte[] subjectPublicKeyInfo) => Convert.ToHexString(SHA256.HashData(subjectPublicKeyInfo));

    internal static string Ascii(byte[] bytes) => Encoding.ASCII.GetString(bytes);
}

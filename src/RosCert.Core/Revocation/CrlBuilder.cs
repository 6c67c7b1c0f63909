using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Signatures;

namespace RosCert.Core.Revocation;

/// <summary>
/// Builds one signed X.509 v2 CRL (RFC 5280 §5) in one pass: entries are added one at a time, each encoded
/// straight into a chunked buffer (time O(n), memory O(output), nothing allocated per entry), and
/// <see cref="Sign"/> hashes the TBSCertList over those pieces and signs the digest.
/// </summary>
/// <remarks>
/// The entries are encoded once into a chunked buffer (the only way to learn the revokedCertificates length
/// without reading the store twice); the TBSCertList is hashed incrementally over its pieces and the hash
/// signed, and only then written, because an ECDSA signature's length (and so the outer SEQUENCE's length,
/// which comes first) is known only after signing.
/// </remarks>
public sealed class CrlBuilder : IDisposable
{
    private const string AuthorityKeyIdentifierOid = "2.5.29.35";
    private const string CrlNumberOid = "2.5.29.20";

    // Serial numbers are at most 20 octets (RFC 5280 §4.1.2.2); stored ones longer than this still work, on the heap.
    private const int StackSerial = 64;

    // crlEntryExtensions with one reasonCode extension, but for its last byte (the CRLReason value):
    //   Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension
    //   Extension  ::= SEQUENCE { extnID OBJECT IDENTIFIER (id-ce-cRLReasons 2.5.29.21),
    //                             critical BOOLEAN DEFAULT FALSE (omitted: non-critical),
    //                             extnValue OCTET STRING (DER of CRLReason ::= ENUMERATED) }
    private static ReadOnlySpan<byte> ReasonPrefix => [0x30, 0x0C, 0x30, 0x0A, 0x06, 0x03, 0x55, 0x1D, 0x15, 0x04, 0x03, 0x0A, 0x01];

    private const int ReasonLength = 14;

    private readonly CrlRequest _request;
    private readonly AsymmetricAlgorithm _key;
    private readonly SignatureAlgorithm _algorithm;
    private readonly byte[] _issuerName;
    private readonly byte[] _keyId;
    private readonly ChunkedBuffer _revoked = new();

    /// <summary>Checks the request and loads the CA's name, key identifier and key, which must belong together.</summary>
    public CrlBuilder(CrlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.CrlNumber);
        if (request.NextUpdate < request.ThisUpdate)
        {
            throw new ArgumentException("nextUpdate is before thisUpdate", nameof(request));
        }

        (_issuerName, _keyId, PublicKey publicKey) = ReadIssuer(request.IssuerCertificateDer);
        _key = KeyMaterial.LoadPrivateKey(request.IssuerPrivateKeyPkcs8);
        try
        {
            _algorithm = SignatureAlgorithms.Find(_key is RSA ? KeyType.Rsa : KeyType.Ec, request.Digest)
                ?? throw new CryptographicException(SignatureAlgorithms.EcMd5Message);
            if (!KeyMaterial.Matches(_key, publicKey))
            {
                throw new CryptographicException("the private key does not belong to the CRL issuer's certificate");
            }
        }
        catch
        {
            _key.Dispose();
            throw;
        }

        _request = request;
    }

    /// <summary>How many entries were added.</summary>
    public long Count { get; private set; }

    //  revokedCertificates     SEQUENCE OF SEQUENCE  {
    //       userCertificate         CertificateSerialNumber,         -- INTEGER
    //       revocationDate          Time,
    //       crlEntryExtensions      Extensions OPTIONAL  }           -- if present, version MUST be v2
    //
    // Each entry's length follows from its serial's length, the time form and whether it has a reason, so it
    // is written straight into the buffer: no per-entry arrays and no AsnWriter over the whole list.

    /// <summary>Adds one revoked certificate: its serial's value bytes (big-endian), when and why.</summary>
    public void Add(ReadOnlySpan<byte> serialNumber, DateTimeOffset revokedAt, RevocationReason reason)
    {
        (int start, bool pad) = DerPrimitives.Serial(serialNumber);
        ReadOnlySpan<byte> value = serialNumber[start..];
        int serialContent = value.Length + (pad ? 1 : 0);
        DateTime utc = revokedAt.UtcDateTime;

        // reasonCode: "the reason code CRL entry extension SHOULD be absent instead of using the
        // unspecified (0) reasonCode value" (§5.3.1).
        bool hasReason = reason != RevocationReason.Unspecified;
        if (!RevocationReasons.IsDefined(reason))
        {
            throw new ArgumentException($"{(int)reason} is not a CRL reason code", nameof(reason));
        }

        long content = DerPrimitives.TlvLength(serialContent) + DerPrimitives.TimeLength(utc) + (hasReason ? ReasonLength : 0);
        Span<byte> span = _revoked.Append(checked((int)DerPrimitives.TlvLength(content)));
        int at = DerPrimitives.WriteHeader(span, DerPrimitives.Sequence, content);
        at += DerPrimitives.WriteHeader(span[at..], DerPrimitives.Integer, serialContent);
        if (pad)
        {
            span[at++] = 0x00;
        }

        value.CopyTo(span[at..]);
        at += value.Length;
        at += DerPrimitives.WriteTime(span[at..], utc);
        if (hasReason)
        {
            ReasonPrefix.CopyTo(span[at..]);
            span[at + ReasonLength - 1] = (byte)reason;
        }

        Count++;
    }

    /// <summary>
    /// Adds a revocation as the store keeps it: the serial as hex text (UTF-8), the time in Unix seconds and
    /// the reason's RouterOS keyword (empty: unspecified; an unknown keyword counts as unspecified).
    /// </summary>
    /// <exception cref="FormatException">The serial is not hex.</exception>
    public void AddStored(ReadOnlySpan<byte> serialHex, long revokedAtUnixSeconds, ReadOnlySpan<byte> reasonKeyword)
    {
        int length = serialHex.Length / 2;
        Span<byte> serial = length <= StackSerial ? stackalloc byte[StackSerial] : new byte[length];
        serial = serial[..length];
        HexDigits.Decode(serialHex, serial);
        RevocationReason reason = reasonKeyword.IsEmpty || !RevocationReasons.TryParse(reasonKeyword, out RevocationReason parsed)
            ? RevocationReason.Unspecified
            : parsed;
        Add(serial, DateTimeOffset.FromUnixTimeSeconds(revokedAtUnixSeconds), reason);
    }

    // CertificateList  ::=  SEQUENCE  {
    //      tbsCertList          TBSCertList,
    //      signatureAlgorithm   AlgorithmIdentifier,
    //      signatureValue       BIT STRING  }
    //
    // TBSCertList  ::=  SEQUENCE  {
    //      version                 Version OPTIONAL,   -- if present, MUST be v2
    //      signature               AlgorithmIdentifier,
    //      issuer                  Name,
    //      thisUpdate              Time,
    //      nextUpdate              Time OPTIONAL,
    //      revokedCertificates     SEQUENCE OF SEQUENCE  { ... } OPTIONAL,
    //      crlExtensions           [0]  EXPLICIT Extensions OPTIONAL }   -- if present, version MUST be v2

    /// <summary>Signs the digest of the TBSCertList (hashed over its pieces, never copied whole) and returns the CRL.</summary>
    public SignedCrl Sign()
    {
        byte[] signatureAlgorithm = SignatureAlgorithms.EncodeIdentifier(_algorithm);

        // version v2 is INTEGER 1.
        byte[] prefix = [0x02, 0x01, 0x01, .. signatureAlgorithm, .. _issuerName,
            .. DerPrimitives.Time(_request.ThisUpdate), .. DerPrimitives.Time(_request.NextUpdate)];

        // "When there are no revoked certificates, the revoked certificates list MUST be absent." (§5.1.2.6)
        byte[] revokedHeader = _revoked.Length == 0 ? [] : DerPrimitives.Header(DerPrimitives.Sequence, _revoked.Length);
        byte[] extensions = EncodeExtensions(_keyId, _request.CrlNumber);
        long tbsContent = prefix.Length + revokedHeader.Length + _revoked.Length + extensions.Length;
        byte[] tbsHeader = DerPrimitives.Header(DerPrimitives.Sequence, tbsContent);

        using IncrementalHash hash = IncrementalHash.CreateHash(SignatureAlgorithms.HashName(_algorithm.Digest));
        hash.AppendData(tbsHeader);
        hash.AppendData(prefix);
        hash.AppendData(revokedHeader);
        _revoked.HashInto(hash);
        hash.AppendData(extensions);
        byte[] signature = SignHash(hash.GetHashAndReset());

        // signatureValue BIT STRING: no unused bits.
        byte[] bitString = [.. DerPrimitives.Header(0x03, signature.Length + 1), 0x00, .. signature];
        long total = tbsHeader.Length + tbsContent + signatureAlgorithm.Length + bitString.Length;
        byte[] head = [.. DerPrimitives.Header(DerPrimitives.Sequence, total), .. tbsHeader, .. prefix, .. revokedHeader];
        byte[] tail = [.. extensions, .. signatureAlgorithm, .. bitString];
        return new SignedCrl(head, _revoked, tail, DerPrimitives.TlvLength(total));
    }

    public void Dispose() => _key.Dispose();

    //  crlExtensions [0] EXPLICIT Extensions, here:
    //    AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] KeyIdentifier OPTIONAL, ... }   (§5.2.1)
    //    CRLNumber ::= INTEGER (0..MAX)                                                         (§5.2.3)
    // Both non-critical ("This extension MUST NOT be marked critical" for both in RFC 5280 §5.2.1, §5.2.3).
    private static byte[] EncodeExtensions(byte[] keyId, long crlNumber)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(AuthorityKeyIdentifierOid);
                using (writer.PushOctetString())
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(keyId, new Asn1Tag(TagClass.ContextSpecific, 0));
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(CrlNumberOid);
                using (writer.PushOctetString())
                {
                    writer.WriteInteger(crlNumber);
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>
    /// The CA's subject Name bytes exactly as encoded, its key identifier (the SKI extension, else RFC 5280
    /// §4.2.1.2 method 1) and its public key.
    /// </summary>
    private static (byte[] Name, byte[] KeyId, PublicKey PublicKey) ReadIssuer(byte[] certificateDer)
    {
        ArgumentNullException.ThrowIfNull(certificateDer);
        using X509Certificate2 certificate = CertificateFacts.Load(certificateDer);
        byte[] name;
        try
        {
            // TBSCertificate ::= SEQUENCE { version [0] EXPLICIT OPTIONAL, serialNumber, signature, issuer, validity, subject, ... }
            AsnReader tbs = new AsnReader(certificateDer, AsnEncodingRules.DER).ReadSequence().ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                _ = tbs.ReadEncodedValue();
            }

            for (int skip = 0; skip < 4; skip++)
            {
                _ = tbs.ReadEncodedValue();
            }

            name = tbs.ReadEncodedValue().ToArray();
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("the CRL issuer's certificate is not valid DER", e);
        }

        byte[]? ski = certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes.ToArray();
        byte[] keyId = ski ?? KeyIdentifiers.SubjectKeyId(certificate.PublicKey.ExportSubjectPublicKeyInfo());
        return (name, keyId, certificate.PublicKey);
    }

    private byte[] SignHash(byte[] hash) => _key switch
    {
        RSA rsa => rsa.SignHash(hash, SignatureAlgorithms.HashName(_algorithm.Digest), RSASignaturePadding.Pkcs1),

        // Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3)
        _ => ((ECDsa)_key).SignHash(hash, DSASignatureFormat.Rfc3279DerSequence),
    };
}

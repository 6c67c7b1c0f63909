using System.Diagnostics;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Signatures;

namespace RosCert.Core.Revocation;

/// <summary>
/// Writes a signed X.509 v2 CRL (RFC 5280 §5) in one pass over the entries, which may be a lazily enumerated
/// store query of millions of rows: time O(n), memory O(output). .NET's CertificateRevocationListBuilder is
/// quadratic in the entry count, so this writer encodes DER by hand with lengths computed arithmetically.
/// </summary>
/// <remarks>
/// The entries are encoded once into a chunked buffer (the only way to learn the revokedCertificates length
/// without enumerating the store twice); the TBSCertList is hashed incrementally over its pieces and the hash
/// signed, and only then written, because an ECDSA signature's length (and so the outer SEQUENCE's length,
/// which comes first) is known only after signing.
/// </remarks>
public static class CrlWriter
{
    private const string AuthorityKeyIdentifierOid = "2.5.29.35";
    private const string CrlNumberOid = "2.5.29.20";

    // crlEntryExtensions with one reasonCode extension, but for its last byte (the CRLReason value):
    //   Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension
    //   Extension  ::= SEQUENCE { extnID OBJECT IDENTIFIER (id-ce-cRLReasons 2.5.29.21),
    //                             critical BOOLEAN DEFAULT FALSE (omitted: non-critical),
    //                             extnValue OCTET STRING (DER of CRLReason ::= ENUMERATED) }
    private static ReadOnlySpan<byte> ReasonPrefix => [0x30, 0x0C, 0x30, 0x0A, 0x06, 0x03, 0x55, 0x1D, 0x15, 0x04, 0x03, 0x0A, 0x01];

    private const int ReasonLength = 14;

    /// <summary>The DER CRL as one array of exactly its length.</summary>
    public static byte[] Write(CrlRequest request, IEnumerable<RevokedEntry> entries)
    {
        SignedCrl crl = Build(request, entries);
        DerPrimitives.CheckLength(crl.Length);
        byte[] der = new byte[crl.Length];
        using var stream = new MemoryStream(der);
        crl.WriteTo(stream);
        Debug.Assert(stream.Position == der.Length, "the computed CRL length is the written length");
        return der;
    }

    /// <summary>The same bytes as <see cref="Write(CrlRequest, IEnumerable{RevokedEntry})"/>, written to a stream.</summary>
    public static void Write(CrlRequest request, IEnumerable<RevokedEntry> entries, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Build(request, entries).WriteTo(output);
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
    private static SignedCrl Build(CrlRequest request, IEnumerable<RevokedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(request.CrlNumber);
        if (request.NextUpdate < request.ThisUpdate)
        {
            throw new ArgumentException("nextUpdate is before thisUpdate", nameof(request));
        }

        (byte[] issuerName, byte[] keyId, PublicKey publicKey) = ReadIssuer(request.IssuerCertificateDer);
        using AsymmetricAlgorithm key = KeyMaterial.LoadPrivateKey(request.IssuerPrivateKeyPkcs8);
        SignatureAlgorithm algorithm = SignatureAlgorithms.Find(key is RSA ? KeyType.Rsa : KeyType.Ec, request.Digest)
            ?? throw new CryptographicException(SignatureAlgorithms.EcMd5Message);
        if (!KeyMaterial.Matches(key, publicKey))
        {
            throw new CryptographicException("the private key does not belong to the CRL issuer's certificate");
        }

        byte[] signatureAlgorithm = SignatureAlgorithms.EncodeIdentifier(algorithm);
        ChunkedBuffer revoked = EncodeEntries(entries);

        // version v2 is INTEGER 1.
        byte[] prefix = [0x02, 0x01, 0x01, .. signatureAlgorithm, .. issuerName,
            .. DerPrimitives.Time(request.ThisUpdate), .. DerPrimitives.Time(request.NextUpdate)];

        // "When there are no revoked certificates, the revoked certificates list MUST be absent." (§5.1.2.6)
        byte[] revokedHeader = revoked.Length == 0 ? [] : DerPrimitives.Header(DerPrimitives.Sequence, revoked.Length);
        byte[] extensions = EncodeExtensions(keyId, request.CrlNumber);
        long tbsContent = prefix.Length + revokedHeader.Length + revoked.Length + extensions.Length;
        byte[] tbsHeader = DerPrimitives.Header(DerPrimitives.Sequence, tbsContent);

        using IncrementalHash hash = IncrementalHash.CreateHash(SignatureAlgorithms.HashName(algorithm.Digest));
        hash.AppendData(tbsHeader);
        hash.AppendData(prefix);
        hash.AppendData(revokedHeader);
        revoked.HashInto(hash);
        hash.AppendData(extensions);
        byte[] signature = Sign(key, hash.GetHashAndReset(), algorithm.Digest);

        // signatureValue BIT STRING: no unused bits.
        byte[] bitString = [.. DerPrimitives.Header(0x03, signature.Length + 1), 0x00, .. signature];
        long total = tbsHeader.Length + tbsContent + signatureAlgorithm.Length + bitString.Length;
        byte[] head = [.. DerPrimitives.Header(DerPrimitives.Sequence, total), .. tbsHeader, .. prefix, .. revokedHeader];
        byte[] tail = [.. extensions, .. signatureAlgorithm, .. bitString];
        return new SignedCrl(head, revoked, tail, DerPrimitives.TlvLength(total));
    }

    //  revokedCertificates     SEQUENCE OF SEQUENCE  {
    //       userCertificate         CertificateSerialNumber,         -- INTEGER
    //       revocationDate          Time,
    //       crlEntryExtensions      Extensions OPTIONAL  }           -- if present, version MUST be v2
    //
    // Each entry's length follows from its serial's length, the time form and whether it has a reason, so it
    // is written straight into the buffer: no per-entry arrays and no AsnWriter over the whole list.
    private static ChunkedBuffer EncodeEntries(IEnumerable<RevokedEntry> entries)
    {
        var buffer = new ChunkedBuffer();
        foreach (RevokedEntry entry in entries)
        {
            (ReadOnlyMemory<byte> value, bool pad) = DerPrimitives.Serial(entry.SerialNumber);
            int serialContent = value.Length + (pad ? 1 : 0);
            DateTime revokedAt = entry.RevokedAt.UtcDateTime;

            // reasonCode: "the reason code CRL entry extension SHOULD be absent instead of using the
            // unspecified (0) reasonCode value" (§5.3.1).
            bool reason = entry.Reason != RevocationReason.Unspecified;
            if (!RevocationReasons.IsDefined(entry.Reason))
            {
                throw new ArgumentException($"{(int)entry.Reason} is not a CRL reason code", nameof(entries));
            }

            long content = DerPrimitives.TlvLength(serialContent) + DerPrimitives.TimeLength(revokedAt) + (reason ? ReasonLength : 0);
            Span<byte> span = buffer.Append(checked((int)DerPrimitives.TlvLength(content)));
            int at = DerPrimitives.WriteHeader(span, DerPrimitives.Sequence, content);
            at += DerPrimitives.WriteHeader(span[at..], DerPrimitives.Integer, serialContent);
            if (pad)
            {
                span[at++] = 0x00;
            }

            value.Span.CopyTo(span[at..]);
            at += value.Length;
            at += DerPrimitives.WriteTime(span[at..], revokedAt);
            if (reason)
            {
                ReasonPrefix.CopyTo(span[at..]);
                span[at + ReasonLength - 1] = (byte)entry.Reason;
            }
        }

        return buffer;
    }

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

    private static byte[] Sign(AsymmetricAlgorithm key, byte[] hash, DigestAlgorithm digest) => key switch
    {
        RSA rsa => rsa.SignHash(hash, SignatureAlgorithms.HashName(digest), RSASignaturePadding.Pkcs1),

        // Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3)
        _ => ((ECDsa)key).SignHash(hash, DSASignatureFormat.Rfc3279DerSequence),
    };

    private sealed class SignedCrl(byte[] head, ChunkedBuffer revoked, byte[] tail, long length)
    {
        public long Length => length;

        public void WriteTo(Stream output)
        {
            output.Write(head);
            revoked.WriteTo(output);
            output.Write(tail);
        }
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RosCert.Core.Issuance;
using RosCert.Core.Signatures;

namespace RosCert.Core.Revocation;

/// <summary>
/// Reads what RouterOS shows of a CRL (RFC 5280 §5) and checks its signature. Malformed input throws
/// FormatException (PEM) or CryptographicException (DER); a signature that does not verify is only "not valid".
/// </summary>
public static class CrlReader
{
    private const string AuthorityKeyIdentifierOid = "2.5.29.35";
    private const string CrlNumberOid = "2.5.29.20";

    /// <summary>
    /// The facts of a DER or PEM (<c>X509 CRL</c>) CRL. With an issuer certificate, SignatureValid says the
    /// CRL names that issuer, its two AlgorithmIdentifiers agree and the signature verifies with its key.
    /// </summary>
    public static CrlInfo Read(byte[] derOrPem, byte[]? issuerCertificateDer) =>
        ReadWithIssuers(derOrPem, (_, _) => issuerCertificateDer is null ? [] : [issuerCertificateDer]);

    /// <summary>
    /// The facts of a CRL whose issuer is looked for among candidates chosen by the CRL's authority key
    /// id (upper-case hex, null without one) and issuer name; SignatureValid when one of them verifies it.
    /// </summary>
    public static CrlInfo ReadWithIssuers(byte[] derOrPem, Func<string?, string, IEnumerable<byte[]>> issuerCandidates)
    {
        ArgumentNullException.ThrowIfNull(issuerCandidates);
        byte[] der = ToDer(derOrPem);
        Parsed crl = Parse(der);
        string issuer = DistinguishedNames.Format(new X500DistinguishedName(crl.Issuer));
        string? akid = crl.Akid is null ? null : Convert.ToHexString(crl.Akid);
        bool valid = issuerCandidates(akid, issuer).Any(candidate => Verifies(crl, candidate));
        return new CrlInfo(issuer, akid, crl.Number, crl.ThisUpdate, crl.NextUpdate, crl.Serials.Count, Convert.ToHexStringLower(SHA256.HashData(der)), valid);
    }

    /// <summary>Whether a serial (value bytes, as stored) is listed in a DER CRL.</summary>
    public static bool IsRevoked(byte[] crlDer, byte[] serialNumber)
    {
        (int start, bool pad) = DerPrimitives.Serial(serialNumber);
        byte[] wanted = pad ? [0x00, .. serialNumber.AsSpan(start)] : serialNumber[start..];
        foreach (ReadOnlyMemory<byte> serial in Parse(crlDer).Serials)
        {
            if (serial.Span.SequenceEqual(wanted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The serial numbers a CRL lists, as upper-case hex of their value bytes without the sign octet
    /// DER adds before a high bit (the form <c>serial-number</c> prints), for set lookups.
    /// </summary>
    public static HashSet<string> RevokedSerials(byte[] derOrPem)
    {
        List<ReadOnlyMemory<byte>> serials = Parse(ToDer(derOrPem)).Serials;
        var set = new HashSet<string>(serials.Count, StringComparer.Ordinal);
        foreach (ReadOnlyMemory<byte> serial in serials)
        {
            set.Add(SerialText(serial.Span));
        }

        return set;
    }

    /// <summary>A serial's value bytes as <c>serial-number</c> prints them (the same rule as for certificates).</summary>
    public static string SerialText(ReadOnlySpan<byte> value) => CertificateFacts.SerialNumberText(value);

    /// <summary>The DER of a DER or PEM (<c>X509 CRL</c>) CRL.</summary>
    public static byte[] ToDer(byte[] derOrPem)
    {
        ArgumentNullException.ThrowIfNull(derOrPem);
        int start = 0;
        while (start < derOrPem.Length && derOrPem[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (!derOrPem.AsSpan(start).StartsWith("-----BEGIN"u8))
        {
            return derOrPem;
        }

        string text = Encoding.ASCII.GetString(derOrPem);
        if (!PemEncoding.TryFind(text, out PemFields fields) || text[fields.Label] != "X509 CRL")
        {
            throw new FormatException("the file holds no X509 CRL PEM block");
        }

        return Convert.FromBase64String(text[fields.Base64Data].ToString());
    }

    private sealed record Parsed(
        byte[] Tbs, string AlgorithmOid, byte[] InnerAlgorithm, byte[] OuterAlgorithm, byte[] Signature, byte[] Issuer, byte[]? Akid, long? Number,
        DateTimeOffset ThisUpdate, DateTimeOffset? NextUpdate, List<ReadOnlyMemory<byte>> Serials);

    // CertificateList ::= SEQUENCE { tbsCertList TBSCertList, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
    // TBSCertList ::= SEQUENCE { version Version OPTIONAL, signature, issuer, thisUpdate, nextUpdate OPTIONAL,
    //                            revokedCertificates SEQUENCE OF SEQUENCE { userCertificate, revocationDate,
    //                            crlEntryExtensions OPTIONAL } OPTIONAL, crlExtensions [0] EXPLICIT Extensions OPTIONAL }
    private static Parsed Parse(byte[] der)
    {
        ArgumentNullException.ThrowIfNull(der);
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            AsnReader list = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            byte[] tbsBytes = list.PeekEncodedValue().ToArray();
            AsnReader tbs = list.ReadSequence();
            byte[] outerAlgorithm = list.ReadEncodedValue().ToArray();
            byte[] signature = list.ReadBitString(out _);
            list.ThrowIfNotEmpty();

            if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer) && (!tbs.TryReadInt32(out int version) || version != 1))
            {
                throw new CryptographicException("only v2 CRLs carry a version, and it is 1");
            }

            byte[] innerAlgorithm = tbs.ReadEncodedValue().ToArray();
            byte[] issuer = tbs.ReadEncodedValue().ToArray();
            DateTimeOffset thisUpdate = ReadTime(tbs);
            DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;
            var serials = new List<ReadOnlyMemory<byte>>();
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                AsnReader revoked = tbs.ReadSequence();
                while (revoked.HasData)
                {
                    AsnReader entry = revoked.ReadSequence();
                    serials.Add(entry.ReadIntegerBytes());
                    _ = ReadTime(entry);
                    if (entry.HasData)
                    {
                        _ = entry.ReadSequence();
                    }

                    entry.ThrowIfNotEmpty();
                }
            }

            (byte[]? akid, long? number) = tbs.HasData ? ReadExtensions(tbs) : (null, null);
            tbs.ThrowIfNotEmpty();
            string oid = new AsnReader(outerAlgorithm, AsnEncodingRules.DER).ReadSequence().ReadObjectIdentifier();
            return new Parsed(tbsBytes, oid, innerAlgorithm, outerAlgorithm, signature, issuer, akid, number, thisUpdate, nextUpdate, serials);
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("the CRL is not valid DER", e);
        }
    }

    private static (byte[]? Akid, long? Number) ReadExtensions(AsnReader tbs)
    {
        byte[]? akid = null;
        long? number = null;
        AsnReader extensions = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)).ReadSequence();
        while (extensions.HasData)
        {
            // Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
            AsnReader extension = extensions.ReadSequence();
            string oid = extension.ReadObjectIdentifier();
            if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                _ = extension.ReadBoolean();
            }

            var value = new AsnReader(extension.ReadOctetString(), AsnEncodingRules.DER);
            if (oid == AuthorityKeyIdentifierOid)
            {
                AsnReader aki = value.ReadSequence();
                var keyIdTag = new Asn1Tag(TagClass.ContextSpecific, 0);
                akid = aki.HasData && aki.PeekTag() == keyIdTag ? aki.ReadOctetString(keyIdTag) : null;
            }
            else if (oid == CrlNumberOid)
            {
                number = value.TryReadInt64(out long n) && n >= 0 ? n : null;
            }
        }

        return (akid, number);
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    private static bool Verifies(Parsed crl, byte[] issuerCertificateDer)
    {
        using X509Certificate2 issuer = CertificateFacts.Load(issuerCertificateDer);
        if (!crl.InnerAlgorithm.AsSpan().SequenceEqual(crl.OuterAlgorithm) || !issuer.SubjectName.RawData.AsSpan().SequenceEqual(crl.Issuer))
        {
            return false;
        }

        SignatureAlgorithm? algorithm = SignatureAlgorithms.Find(crl.AlgorithmOid);
        return algorithm is not null
            && SignatureAlgorithms.Verify(algorithm, issuer.PublicKey.ExportSubjectPublicKeyInfo(), crl.Tbs, crl.Signature);
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Signatures;

namespace RosCert.Core.Issuance;

/// <summary>
/// Writes and signs an X.509 v3 certificate straight from its parts (RFC 5280 §4.1), so issuing never
/// parses the certificate it has just made: everything RouterOS prints about it is known before it
/// is encoded (docs/performance.md, issue EC).
/// </summary>
internal static class CertificateEncoder
{
    /// <summary>Version ::= INTEGER { v1(0), v2(1), v3(2) }; extensions need v3 (RFC 5280 §4.1.2.1).</summary>
    private const int Version3 = 2;

    /// <summary>RFC 5280 §4.1.2.5: "CAs conforming to this profile MUST always encode certificate validity dates
    /// through the year 2049 as UTCTime; certificate validity dates in 2050 or later MUST be encoded as
    /// GeneralizedTime."</summary>
    private const int FirstGeneralizedTimeYear = 2050;

    public sealed record Parts(
        byte[] Serial,
        X500DistinguishedName Issuer,
        DateTimeOffset NotBefore,
        DateTimeOffset NotAfter,
        X500DistinguishedName Subject,
        byte[] SubjectPublicKeyInfo,
        IEnumerable<X509Extension> Extensions);

    /// <summary>
    /// Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier,
    /// signatureValue BIT STRING } (RFC 5280 §4.1.1); the TBS <c>signature</c> field repeats the
    /// signatureAlgorithm (§4.1.2.3).
    /// </summary>
    public static byte[] Sign(Parts parts, DigestSignatureGenerator generator)
    {
        // The generator signs with the digest it was made for and ignores the hash name it is given.
        byte[] algorithm = generator.GetSignatureAlgorithmIdentifier(default);
        byte[] tbs = Tbs(parts, algorithm);
        byte[] signature = generator.SignData(tbs, default);

        var writer = new AsnWriter(AsnEncodingRules.DER, tbs.Length + signature.Length + 32);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(tbs);
            writer.WriteEncodedValue(algorithm);
            writer.WriteBitString(signature);
        }

        return writer.Encode();
    }

    /// <summary>
    /// TBSCertificate ::= SEQUENCE { version [0] EXPLICIT Version, serialNumber, signature, issuer, validity,
    /// subject, subjectPublicKeyInfo, extensions [3] EXPLICIT Extensions } (RFC 5280 §4.1); no unique IDs.
    /// </summary>
    private static byte[] Tbs(Parts parts, byte[] algorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER, 1024);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                writer.WriteInteger(Version3);
            }

            writer.WriteInteger(parts.Serial);
            writer.WriteEncodedValue(algorithm);
            writer.WriteEncodedValue(parts.Issuer.RawData);
            using (writer.PushSequence())
            {
                WriteTime(writer, parts.NotBefore);
                WriteTime(writer, parts.NotAfter);
            }

            writer.WriteEncodedValue(parts.Subject.RawData);
            writer.WriteEncodedValue(parts.SubjectPublicKeyInfo);
            WriteExtensions(writer, parts.Extensions);
        }

        return writer.Encode();
    }

    private static void WriteTime(AsnWriter writer, DateTimeOffset time)
    {
        if (time.UtcDateTime.Year < FirstGeneralizedTimeYear)
        {
            writer.WriteUtcTime(time);
        }
        else
        {
            writer.WriteGeneralizedTime(time, omitFractionalSeconds: true);
        }
    }

    /// <summary>Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING };
    /// DER leaves a DEFAULT value out, so only critical extensions carry the flag (X.690 §11.5).</summary>
    private static void WriteExtensions(AsnWriter writer, IEnumerable<X509Extension> extensions)
    {
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 3)))
        using (writer.PushSequence())
        {
            foreach (X509Extension extension in extensions)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(extension.Oid!.Value!);
                    if (extension.Critical)
                    {
                        writer.WriteBoolean(true);
                    }

                    writer.WriteOctetString(extension.RawData);
                }
            }
        }
    }
}

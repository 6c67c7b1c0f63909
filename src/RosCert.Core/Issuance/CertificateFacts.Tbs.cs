using System.Formats.Asn1;
using System.Security.Cryptography;

namespace RosCert.Core.Issuance;

public static partial class CertificateFacts
{
    /// <summary>The serial (INTEGER content bytes) and validity of a certificate.</summary>
    internal readonly record struct Tbs(byte[] Serial, DateTimeOffset NotBefore, DateTimeOffset NotAfter);

    /// <summary>
    /// Reads the serial and validity straight from the DER, in UTC (X509Certificate2 gives local times).
    /// Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, ... } (RFC 5280 §4.1)
    /// TBSCertificate ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, serialNumber CertificateSerialNumber,
    ///     signature AlgorithmIdentifier, issuer Name, validity Validity, ... }
    /// </summary>
    internal static Tbs ReadTbs(byte[] der)
    {
        Tbs result = default;
        Try(() =>
        {
            AsnReader tbs = new AsnReader(der, AsnEncodingRules.DER).ReadSequence().ReadSequence();
            var version = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
            if (tbs.PeekTag() == version)
            {
                _ = tbs.ReadEncodedValue();
            }

            byte[] serial = tbs.ReadIntegerBytes().ToArray();
            _ = tbs.ReadSequence();
            _ = tbs.ReadEncodedValue();
            AsnReader validity = tbs.ReadSequence();
            result = new Tbs(serial, ReadTime(validity), ReadTime(validity));
        });
        return result;
    }

    /// <summary>Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime } (RFC 5280 §4.1.2.5).</summary>
    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime)
            ? reader.ReadUtcTime(twoDigitYearMax: 2049) // §4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY
            : reader.ReadGeneralizedTime();

    private static void Try(Action read)
    {
        try
        {
            read();
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("the certificate is not valid DER", e);
        }
    }
}

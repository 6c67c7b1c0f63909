using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CsCheck;
using RosCert.Core.Import;
using RosCert.Tests.Fuzz;
using Xunit;

namespace RosCert.Tests.Import;

/// <summary>
/// The import reader keeps a certificate without OpenSSL's parse when <see cref="PlainCertificate"/> takes it
/// (decision 0085). The rule it must keep: whatever it takes, OpenSSL loads too, and re-encodes to the same
/// bytes (what the reader stored before was OpenSSL's encoding). Checked on the system bundle, the import
/// corpus and mutations of both.
/// </summary>
public sealed class PlainCertificateTests
{
    private static readonly Lazy<IReadOnlyList<byte[]>> s_seeds = new(() =>
    [
        .. ImportReader.Read(File.ReadAllBytes("/etc/ssl/certs/ca-certificates.crt"), null).Certificates.Take(40),
        ImportCorpus.CertificateDer("ca.pem"),
        ImportCorpus.CertificateDer("rsa.pem"),
        ImportCorpus.CertificateDer("ec.pem"),
    ]);

    [Fact]
    public void Every_bundle_certificate_is_plain_and_is_what_openssl_loads()
    {
        IReadOnlyList<byte[]> bundle = ImportReader.Read(File.ReadAllBytes("/etc/ssl/certs/ca-certificates.crt"), null).Certificates;

        Assert.True(bundle.Count > 100);
        Assert.All(bundle, der => Assert.True(PlainCertificate.Check(der)));
        Assert.All(bundle, AssertOpenSslKeepsIt);
    }

    [Fact]
    public void Mutated_certificates_it_takes_are_ones_openssl_loads_unchanged() =>
        Fuzz.Fuzz.Mutated(s_seeds.Value).Sample(
            der =>
            {
                if (PlainCertificate.Check(der))
                {
                    AssertOpenSslKeepsIt(der);
                }
            },
            iter: Fuzz.Fuzz.Iterations(3000));

    [Fact]
    public void A_name_value_openssl_cannot_read_as_text_is_left_to_openssl()
    {
        // A BMPString of an odd number of bytes: OpenSSL fails the certificate (its canonical name form
        // needs the text); the same certificate with a whole BMPString is plain and loads.
        byte[] odd = WithSubjectValue([0x1E, 0x03, 0x00, 0x41, 0x00]);
        byte[] whole = WithSubjectValue([0x1E, 0x04, 0x00, 0x41, 0x00, 0x42]);

        Assert.False(PlainCertificate.Check(odd));
        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadCertificate(odd));
        Assert.True(PlainCertificate.Check(whole));
        AssertOpenSslKeepsIt(whole);
    }

    [Fact]
    public void Ber_lengths_and_trailing_bytes_are_left_to_openssl()
    {
        byte[] der = ImportCorpus.CertificateDer("ec.pem");
        byte[] trailing = [.. der, 0x00];

        Assert.True(PlainCertificate.Check(der));
        Assert.False(PlainCertificate.Check(trailing));
        Assert.False(PlainCertificate.Check(LongFormLength(der)));
    }

    private static void AssertOpenSslKeepsIt(byte[] der)
    {
        using X509Certificate2 loaded = X509CertificateLoader.LoadCertificate(der);
        Assert.Equal(der, loaded.RawData);
    }

    /// <summary>The certificate with its outer length in a longer form than DER allows (BER).</summary>
    private static byte[] LongFormLength(byte[] der)
    {
        int headerLength = der[1] < 0x80 ? 2 : 2 + (der[1] & 0x7F);
        int length = der.Length - headerLength;
        return [0x30, 0x84, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, .. der.AsSpan(headerLength)];
    }

    /// <summary>
    /// A certificate (RFC 5280 §4.1) whose subject's one attribute value is <paramref name="value"/>, encoded as
    /// is; written field by field, since .NET's own builder loads what it makes through OpenSSL.
    /// </summary>
    private static byte[] WithSubjectValue(byte[] value)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    writer.WriteInteger(2);
                }

                writer.WriteInteger(1);
                WriteEcdsaSha256(writer);
                WriteName(writer, [0x0C, 0x02, 0x43, 0x41]); // issuer CN=CA (UTF8String)
                using (writer.PushSequence())
                {
                    writer.WriteUtcTime(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
                    writer.WriteUtcTime(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
                }

                WriteName(writer, value);
                writer.WriteEncodedValue(key.ExportSubjectPublicKeyInfo());
            }

            WriteEcdsaSha256(writer);
            writer.WriteBitString([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]);
        }

        return writer.Encode();
    }

    private static void WriteEcdsaSha256(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("1.2.840.10045.4.3.2");
        }
    }

    private static void WriteName(AsnWriter writer, byte[] commonName)
    {
        using (writer.PushSequence())
        using (writer.PushSetOf())
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("2.5.4.3");
            writer.WriteEncodedValue(commonName);
        }
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using RosCert.Codecs.Pem;
using RosCert.Core.Import;
using RosCert.Core.Issuance;
using Xunit;

namespace RosCert.Tests.Import;

/// <summary>Key forms the OpenSSL corpus does not cover: SEC1 keys whose curve is only in an EC PARAMETERS block.</summary>
public sealed class ImportKeyFormTests
{
    // ECParameters ::= namedCurve prime256v1 (RFC 5480 §2.1.1)
    private static readonly byte[] s_prime256v1 = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];

    [Fact]
    public void Sec1_key_without_curve_takes_it_from_the_preceding_ec_parameters_block()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string pem = PemFile.Write("EC PARAMETERS", s_prime256v1) + PemFile.Write("EC PRIVATE KEY", Sec1(ec));

        ImportResult result = ImportReader.Read(Encoding.ASCII.GetBytes(pem), null);

        Assert.True(KeyMaterial.Matches(Assert.Single(result.PrivateKeys), ec.ExportSubjectPublicKeyInfo()));
    }

    [Fact]
    public void Sec1_key_without_any_curve_is_not_usable()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string pem = PemFile.Write("EC PRIVATE KEY", Sec1(ec));

        Assert.Throws<ImportFormatException>(() => ImportReader.Read(Encoding.ASCII.GetBytes(pem), null));
    }

    [Fact]
    public void Sec1_key_on_a_curve_openssl_does_not_know_is_not_usable()
    {
        // Found by the mutation property test: ImportECPrivateKey throws PlatformNotSupportedException here.
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] sec1 = Sec1(ec, [0x06, 0x09, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x07]);

        Assert.Throws<ImportFormatException>(() => ImportReader.Read(Encoding.ASCII.GetBytes(PemFile.Write("EC PRIVATE KEY", sec1)), null));
        Assert.Throws<ImportFormatException>(() => ImportReader.Read(sec1, null));
    }

    [Fact]
    public void Damaged_ec_parameters_do_not_throw()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string pem = PemFile.Write("EC PARAMETERS", [0x06, 0x08, 0x2A]) + PemFile.Write("EC PRIVATE KEY", Sec1(ec));

        Assert.Throws<ImportFormatException>(() => ImportReader.Read(Encoding.ASCII.GetBytes(pem), null));
    }

    [Fact]
    public void Certificate_request_and_public_key_are_not_importable()
    {
        using var rsa = RSA.Create(2048);
        string pem = PemFile.Write("PUBLIC KEY", rsa.ExportSubjectPublicKeyInfo()) +
            PemFile.Write("CERTIFICATE REQUEST", new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequest());

        Assert.Throws<ImportFormatException>(() => ImportReader.Read(Encoding.ASCII.GetBytes(pem), null));
    }

    // ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, parameters [0] OPTIONAL, publicKey [1] BIT STRING } (RFC 5915 §3)
    private static byte[] Sec1(ECDsa ec, byte[]? curve = null)
    {
        ECParameters parameters = ec.ExportParameters(includePrivateParameters: true);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString(parameters.D);
            if (curve is not null)
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    writer.WriteEncodedValue(curve);
                }
            }

            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
            {
                writer.WriteBitString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]);
            }
        }

        return writer.Encode();
    }
}

using System.Numerics;
using System.Security.Cryptography;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>RFC 5280 §4.1.2.2 serials: positive, at most 20 octets; RouterOS prints 16 hex digits.</summary>
public sealed class SerialTests
{
    [Fact]
    public void Random_serials_are_8_bytes_positive_and_never_start_with_zero()
    {
        var source = new RandomSerialSource();
        for (int i = 0; i < 2000; i++)
        {
            byte[] serial = source.Next();
            Assert.Equal(8, serial.Length);
            Assert.InRange(serial[0], 0x01, 0x7F);
        }
    }

    [Fact]
    public void Issued_serial_is_positive_and_printed_as_16_upper_case_hex_digits()
    {
        for (int i = 0; i < 20; i++)
        {
            IssuedCertificate issued = IssuanceFixture.SelfSigned(IssuanceFixture.EcKey, KeyUsage.DigitalSignature);
            Assert.Matches("^[0-9A-F]{16}$", issued.SerialNumber);
            using var certificate = IssuanceFixture.Load(issued.Der);
            Assert.True(new BigInteger(certificate.GetSerialNumber(), isUnsigned: false, isBigEndian: false) > 0);
            Assert.Equal(certificate.SerialNumber, issued.SerialNumber);
        }
    }

    [Fact]
    public void A_high_bit_serial_with_its_sign_byte_prints_the_value_bytes()
    {
        byte[] serial = [0x00, 0x80, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07];
        IssuedCertificate issued = IssuanceFixture.Issuer(null, serial)
            .Issue(IssuanceFixture.Request(IssuanceFixture.EcKey), IssuanceFixture.EcKey, null);
        Assert.Equal("8001020304050607", issued.SerialNumber);
        Assert.Contains("0209008001020304050607", Convert.ToHexString(issued.Der), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("80")]
    [InlineData("FF01")]
    [InlineData("0001")]
    [InlineData("010203040506070809101112131415161718192021")]
    public void Invalid_serials_from_the_source_are_refused(string hex)
    {
        CertificateIssuer issuer = IssuanceFixture.Issuer(null, Convert.FromHexString(hex));
        var e = Assert.Throws<CryptographicException>(() => issuer.Issue(IssuanceFixture.Request(IssuanceFixture.EcKey), IssuanceFixture.EcKey, null));
        Assert.StartsWith("the serial source gave an invalid serial number", e.Message, StringComparison.Ordinal);
    }
}

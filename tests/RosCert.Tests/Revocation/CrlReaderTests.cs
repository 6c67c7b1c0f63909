using System.Security.Cryptography;
using RosCert.Core.Revocation;
using Xunit;

namespace RosCert.Tests.Revocation;

public sealed class CrlReaderTests
{
    private static readonly DateTimeOffset s_revoked = new(2025, 3, 14, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reads_PEM_and_DER_alike_with_a_SHA256_fingerprint()
    {
        byte[] der = CrlWriter.Write(CrlFixture.Request(number: 9), [new([0x42], s_revoked, RevocationReason.KeyCompromise)]);
        byte[] pem = System.Text.Encoding.ASCII.GetBytes("\n" + PemEncoding.WriteString("X509 CRL", der) + "\n");
        CrlInfo fromDer = CrlReader.Read(der, CrlFixture.CaDer);
        Assert.Equal(fromDer, CrlReader.Read(pem, CrlFixture.CaDer));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(der)), fromDer.Fingerprint);
        Assert.Equal((9L, 1, true), (fromDer.CrlNumber!.Value, fromDer.RevokedCount, fromDer.SignatureValid));
    }

    [Fact]
    public void Signature_is_not_valid_without_the_issuer_or_against_another_CA()
    {
        byte[] crl = CrlWriter.Write(CrlFixture.Request(), []);
        Assert.False(CrlReader.Read(crl, null).SignatureValid);
        using RSA key = RSA.Create(2048);
        (byte[] other, _) = CrlFixture.DotNetCa(key);
        Assert.False(CrlReader.Read(crl, other).SignatureValid);
    }

    [Fact]
    public void A_changed_byte_breaks_the_signature()
    {
        byte[] crl = CrlWriter.Write(CrlFixture.Request(), [new([0x42], s_revoked, RevocationReason.Unspecified)]);
        int at = crl.AsSpan().IndexOf([(byte)0x02, (byte)0x01, (byte)0x42]);
        crl[at + 2] = 0x43;
        CrlInfo info = CrlReader.Read(crl, CrlFixture.CaDer);
        Assert.False(info.SignatureValid);
        Assert.True(CrlReader.IsRevoked(crl, [0x43]));
    }

    [Fact]
    public void Bad_input_throws_only_format_or_cryptographic_exceptions()
    {
        byte[] crl = CrlWriter.Write(CrlFixture.Request(), []);
        Assert.Throws<CryptographicException>(() => CrlReader.Read([0x30, 0x03, 0x02], null));
        Assert.Throws<CryptographicException>(() => CrlReader.Read([.. crl, 0x00], null));
        Assert.Throws<CryptographicException>(() => CrlReader.Read(CrlFixture.CaDer, null));
        Assert.Throws<FormatException>(() => CrlReader.Read("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"u8.ToArray(), null));
        Assert.Throws<CryptographicException>(() => CrlReader.IsRevoked([0x01], [0x01]));
    }

    [Fact]
    public void Reason_keywords_read_both_ways()
    {
        Assert.Equal(10, RevocationReasons.Names.Count);
        foreach (string name in RevocationReasons.Names)
        {
            Assert.True(RevocationReasons.TryParse(name, out RevocationReason reason));
            Assert.Equal(name, RevocationReasons.ToName(reason));
        }

        Assert.Equal("key-compromise", RevocationReasons.ToName(RevocationReason.KeyCompromise));
        Assert.Equal("remove-from-crl", RevocationReasons.ToName(RevocationReason.RemoveFromCrl));
        Assert.Equal("aa-compromise", RevocationReasons.ToName(RevocationReason.AaCompromise));
        Assert.False(RevocationReasons.TryParse("Key-Compromise", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => RevocationReasons.ToName((RevocationReason)7));
    }
}

using System.Security.Cryptography;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>Bad input ends in CryptographicException or ArgumentException with a clear message, never elsewhere.</summary>
public sealed class InvalidInputTests
{
    [Fact]
    public void A_public_key_that_does_not_parse_is_refused()
    {
        IssuanceRequest request = IssuanceFixture.Request(IssuanceFixture.EcKey) with { SubjectPublicKeyInfo = [0x30, 0x03, 0x02, 0x01, 0x01] };
        var e = Assert.ThrowsAny<CryptographicException>(() => IssuanceFixture.Issuer().Issue(request, IssuanceFixture.EcKey, null));
        Assert.Contains("public key", e.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => KeyIdentifiers.SubjectKeyId([1, 2, 3]));
    }

    [Fact]
    public void A_self_signed_key_that_does_not_match_the_public_key_is_refused()
    {
        var e = Assert.Throws<CryptographicException>(() => IssuanceFixture.Issuer().Issue(IssuanceFixture.Request(IssuanceFixture.EcKey), IssuanceFixture.RsaKey, null));
        Assert.Equal("the private key does not match the certificate's public key", e.Message);
        Assert.False(KeyMaterial.Matches(IssuanceFixture.RsaKey, KeyMaterial.SubjectPublicKeyInfo(IssuanceFixture.EcKey)));
        Assert.True(KeyMaterial.Matches(IssuanceFixture.EcKey, KeyMaterial.SubjectPublicKeyInfo(IssuanceFixture.EcKey)));
    }

    [Fact]
    public void Self_signed_without_a_private_key_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => IssuanceFixture.Issuer().Issue(IssuanceFixture.Request(IssuanceFixture.EcKey), null, null));
        Assert.Equal("a self-signed certificate needs the subject's private key", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0x30, 0x00 })]
    public void A_private_key_that_is_not_PKCS8_is_refused(byte[] key)
    {
        Assert.ThrowsAny<CryptographicException>(() => IssuanceFixture.Issuer().Issue(IssuanceFixture.Request(IssuanceFixture.EcKey), key, null));
        Assert.ThrowsAny<CryptographicException>(() => KeyMaterial.SubjectPublicKeyInfo(key));
    }

    [Fact]
    public void A_CA_key_that_does_not_match_the_CA_certificate_is_refused()
    {
        IssuedCertificate ca = IssuanceFixture.SelfSigned(IssuanceFixture.EcKey, KeyUsage.KeyCertSign);
        var authority = new SigningAuthority(ca.Der, IssuanceFixture.RsaKey, []);
        var e = Assert.Throws<CryptographicException>(() => IssuanceFixture.Issuer().Issue(IssuanceFixture.Request(IssuanceFixture.RsaKey), null, authority));
        Assert.Equal("the CA private key does not match the CA certificate", e.Message);
    }

    [Fact]
    public void A_CA_certificate_without_key_cert_sign_is_refused()
    {
        IssuedCertificate notCa = IssuanceFixture.SelfSigned(IssuanceFixture.EcKey, KeyUsage.DigitalSignature | KeyUsage.TlsServer);
        var authority = new SigningAuthority(notCa.Der, IssuanceFixture.EcKey, []);
        var e = Assert.Throws<ArgumentException>(() => IssuanceFixture.Issuer().Issue(IssuanceFixture.Request(IssuanceFixture.RsaKey), null, authority));
        Assert.Equal("the CA certificate may not sign certificates (no key-cert-sign)", e.Message);
    }

    [Fact]
    public void A_CA_certificate_that_does_not_parse_is_refused()
    {
        var authority = new SigningAuthority([0x30, 0x01, 0x00], IssuanceFixture.EcKey, []);
        Assert.ThrowsAny<CryptographicException>(() => IssuanceFixture.Issuer().Issue(IssuanceFixture.Request(IssuanceFixture.RsaKey), null, authority));
        Assert.ThrowsAny<CryptographicException>(() => CertificateFacts.Describe([0x30, 0x01, 0x00]));
    }

    [Fact]
    public void An_empty_subject_is_refused()
    {
        IssuanceRequest request = IssuanceFixture.Request(IssuanceFixture.EcKey) with { Subject = new SubjectFields("", "", "", "", "", "") };
        var e = Assert.Throws<ArgumentException>(() => IssuanceFixture.Issuer().Issue(request, IssuanceFixture.EcKey, null));
        Assert.Equal("the certificate subject is empty: set common-name", e.Message);
    }

    [Fact]
    public void Key_source_refuses_DSA()
    {
        Assert.Throws<ArgumentException>(() => new RandomKeySource().Generate(new KeySize("dsa", KeyType.Dsa, 2048, null)));
    }
}

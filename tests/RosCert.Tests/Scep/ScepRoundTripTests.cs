using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Scep.Client;
using RosCert.Scep.Wire;
using Xunit;

namespace RosCert.Tests.Scep;

/// <summary>RosCert's SCEP client messages against RosCert's SCEP server engine (issue 7: every cipher × digest pair).</summary>
public sealed class ScepRoundTripTests
{
    public static TheoryData<ScepCipher, DigestAlgorithm> Pairs()
    {
        var pairs = new TheoryData<ScepCipher, DigestAlgorithm>();
        foreach (ScepCipher cipher in ScepAlgorithms.Ciphers)
        {
            foreach (DigestAlgorithm digest in ScepAlgorithms.Digests)
            {
                pairs.Add(cipher, digest);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_cipher_and_digest_enrols_with_an_otp(ScepCipher cipher, DigestAlgorithm digest)
    {
        using var fixture = new ScepServerFixture();
        string otp = fixture.Otp();

        CertRep reply = fixture.Enrol("device", otp, new ScepAlgorithmChoice(cipher, digest));

        Assert.Equal(PkiStatus.Success, reply.Status);
        using X509Certificate2 issued = X509CertificateLoader.LoadCertificate(reply.Certificates.Single());
        Assert.Equal("CN=device", issued.Subject);
        Assert.Equal("CN=ca", issued.Issuer);
        Assert.Contains(" I ", fixture.Console.Run("/certificate print where name=device"));
    }

    [Fact]
    public void An_otp_is_used_up_by_its_first_request()
    {
        using var fixture = new ScepServerFixture();
        string otp = fixture.Otp();
        var algorithms = new ScepAlgorithmChoice(ScepCipher.Aes256, DigestAlgorithm.Sha256);

        Assert.Equal(PkiStatus.Success, fixture.Enrol("first", otp, algorithms).Status);
        Assert.Equal(PkiStatus.Pending, fixture.Enrol("second", otp, algorithms).Status);
        Assert.Contains("used=yes", fixture.Console.Run("/certificate scep-server otp print detail"));
    }

    [Fact]
    public void A_request_without_otp_waits_until_granted_then_a_repeat_collects_it()
    {
        using var fixture = new ScepServerFixture();
        var algorithms = new ScepAlgorithmChoice(ScepCipher.TripleDes, DigestAlgorithm.Sha1);

        Assert.Equal(PkiStatus.Pending, fixture.Enrol("waiting", null, algorithms, transactionId: "T1").Status);
        Assert.Equal(PkiStatus.Pending, fixture.Enrol("waiting", null, algorithms, transactionId: "T1").Status);
        Assert.Contains("pending", fixture.Console.Run("/certificate scep-server requests print"));
        Assert.Equal("", fixture.Console.Run("/certificate scep-server requests grant 0"));

        CertRep collected = fixture.Enrol("waiting", null, algorithms, transactionId: "T1");
        Assert.Equal(PkiStatus.Success, collected.Status);
        Assert.Contains("issued", fixture.Console.Run("/certificate scep-server requests print"));
    }

    [Fact]
    public void A_removed_request_fails_and_an_expired_one_too()
    {
        using var fixture = new ScepServerFixture();
        var algorithms = new ScepAlgorithmChoice(ScepCipher.Aes128, DigestAlgorithm.Sha256);
        Assert.Equal(PkiStatus.Pending, fixture.Enrol("gone", null, algorithms, transactionId: "T2").Status);
        Assert.Equal(PkiStatus.Pending, fixture.Enrol("late", null, algorithms, transactionId: "T3").Status);
        fixture.Console.Run("/certificate scep-server requests remove 0");
        fixture.Console.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        CertRep expired = fixture.Enrol("late", null, algorithms, transactionId: "T3");

        Assert.Equal(PkiStatus.Failure, expired.Status);
        Assert.Contains("failed", fixture.Console.Run("/certificate scep-server requests print"));
    }

    [Fact]
    public void A_renewal_signed_by_an_issued_certificate_is_issued_without_challenge()
    {
        using var fixture = new ScepServerFixture();
        var algorithms = new ScepAlgorithmChoice(ScepCipher.Aes256, DigestAlgorithm.Sha512);
        CertRep first = fixture.Enrol("renewing", fixture.Otp(), algorithms);
        using X509Certificate2 current = X509CertificateLoader.LoadCertificate(first.Certificates.Single()).CopyWithPrivateKey(ScepServerFixture.ClientKey);

        CertRep renewed = fixture.Enrol("renewing", null, algorithms, signer: current);

        Assert.Equal(PkiStatus.Success, renewed.Status);
        Assert.NotEqual(first.Certificates.Single(), renewed.Certificates.Single());
    }

    [Fact]
    public void A_renewal_for_another_subject_waits_like_a_new_request()
    {
        using var fixture = new ScepServerFixture();
        var algorithms = new ScepAlgorithmChoice(ScepCipher.Aes256, DigestAlgorithm.Sha256);
        CertRep first = fixture.Enrol("owner", fixture.Otp(), algorithms);
        using X509Certificate2 current = X509CertificateLoader.LoadCertificate(first.Certificates.Single()).CopyWithPrivateKey(ScepServerFixture.ClientKey);

        Assert.Equal(PkiStatus.Pending, fixture.Enrol("intruder", null, algorithms, signer: current).Status);
    }

    [Fact]
    public void Issued_certificates_never_carry_ca_usages()
    {
        using var fixture = new ScepServerFixture();
        CertRep reply = fixture.Enrol("leaf", fixture.Otp(), new ScepAlgorithmChoice(ScepCipher.Aes256, DigestAlgorithm.Sha256));
        using X509Certificate2 issued = X509CertificateLoader.LoadCertificate(reply.Certificates.Single());

        X509KeyUsageExtension? usage = issued.Extensions.OfType<X509KeyUsageExtension>().SingleOrDefault();
        Assert.True(usage is null || (usage.KeyUsages & (X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign)) == 0);
        Assert.DoesNotContain(issued.Extensions.OfType<X509BasicConstraintsExtension>(), b => b.CertificateAuthority);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 })]
    [InlineData(new byte[] { 0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02 })]
    public void Malformed_messages_are_rejected_without_a_crash(byte[] message)
    {
        using var fixture = new ScepServerFixture();
        Assert.Equal(400, fixture.Engine.PkiOperation(fixture.Server, message).StatusCode);
    }

    [Fact]
    public void Get_ca_caps_lists_what_works_and_next_ca_only_when_set()
    {
        using var fixture = new ScepServerFixture();
        string caps = System.Text.Encoding.ASCII.GetString(RosCert.Scep.Server.ScepServerEngine.GetCaCaps(fixture.Server).Body);
        Assert.Equal("POSTPKIOperation\nRenewal\nSHA-1\nSHA-256\nSHA-384\nSHA-512\nAES\nDES3\nSCEPStandard\n", caps);
        fixture.Console.Run("/certificate scep-server set 0 next-ca-cert=ca");
        Assert.EndsWith("GetNextCACert\n", System.Text.Encoding.ASCII.GetString(RosCert.Scep.Server.ScepServerEngine.GetCaCaps(fixture.Server).Body));
    }
}

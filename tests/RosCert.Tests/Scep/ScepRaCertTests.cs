using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Model;
using RosCert.Core.Requests;
using RosCert.Scep.Client;
using RosCert.Scep.Server;
using RosCert.Scep.Wire;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Scep;

/// <summary>
/// RosCert extra <c>ra-cert=</c> on <c>/certificate/scep-server</c> (decision 0021): an RSA RA decrypts
/// and signs the SCEP messages of an EC CA, which issues.
/// </summary>
public sealed class ScepRaCertTests : IDisposable
{
    private readonly TestConsole _console = new();
    private readonly ScepServerEngine _engine;

    public ScepRaCertTests()
    {
        _console.Run("/certificate add name=ca common-name=ca key-size=prime256v1 key-usage=key-cert-sign,crl-sign");
        _console.Run("/certificate sign ca");
        _console.Run("/certificate add name=ra common-name=ra key-size=2048 key-usage=digital-signature,key-encipherment");
        _console.Run("/certificate sign ra ca=ca");
        _console.Run("/certificate scep-server add ca-cert=ca path=/scep/ca");
        _engine = new ScepServerEngine(_console.Environment.Store, _console.Environment.Keys, _console.Environment.Clock, new ScepIssuance(_console.Environment));
    }

    private ScepServerSettings Server => _console.Environment.Store.Read(ScepServerSettingsReader.Enabled).Single();

    [Fact]
    public void Without_ra_cert_an_ec_ca_cannot_open_scep_envelopes()
    {
        // An EC certificate cannot be a key-transport recipient: the client seals to some RSA certificate.
        using RSA other = RSA.Create(2048);
        using X509Certificate2 recipient = ScepSigner.SelfSigned(other, new X500DistinguishedName("CN=other"), _console.Clock.GetUtcNow());
        ScepReply reply = _engine.PkiOperation(Server, Request(recipient, out _, out _, out _));

        Assert.Equal(500, reply.StatusCode);
        Assert.Contains("no RSA key", System.Text.Encoding.UTF8.GetString(reply.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void GetCACert_answers_the_ra_then_the_ca()
    {
        _console.Run("/certificate scep-server set 0 ra-cert=ra");

        ScepReply reply = _engine.GetCaCert(Server);

        Assert.Equal(ScepServerEngine.CaRaCertType, reply.ContentType);
        (IReadOnlyList<byte[]> certificates, _) = CertsOnly.Read(reply.Body);
        // A DER SET OF has no order of its own; clients tell the RA from the CA by basicConstraints.
        Assert.Equal(["CN=ca", "CN=ra"], certificates.Select(c => X509CertificateLoader.LoadCertificate(c).Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_ra_opens_and_signs_while_the_ec_ca_issues()
    {
        _console.Run("/certificate scep-server set 0 ra-cert=ra");
        using X509Certificate2 ra = RaCertificate();

        byte[] message = Request(ra, out X509Certificate2 sender, out string transaction, out byte[] nonce);
        ScepReply reply = _engine.PkiOperation(Server, message);

        Assert.Equal(200, reply.StatusCode);
        CertRep rep = CertRepReader.Read(reply.Body, [ra], sender, transaction, nonce);
        Assert.Equal(PkiStatus.Success, rep.Status);
        using X509Certificate2 issued = X509CertificateLoader.LoadCertificate(rep.Certificates.Single());
        Assert.Equal("CN=ca", issued.Issuer);
        using X509Certificate2 ca = CaCertificate();
        Assert.Equal("1.2.840.10045.4.3.2", issued.SignatureAlgorithm.Value);
        Assert.Throws<ScepException>(() => CertRepReader.Read(reply.Body, [ca], sender, transaction, nonce));
    }

    [Fact]
    public void An_ra_without_private_key_is_refused()
    {
        _console.Run("/certificate export-certificate ra");
        _console.Run("/certificate remove ra");
        _console.Run("/certificate import file-name=cert_export_ra.crt name=ra");
        _console.Run("/certificate scep-server set 0 ra-cert=ra");

        ScepReply reply = _engine.PkiOperation(Server, Request(RaCertificate(), out _, out _, out _));

        Assert.Equal(500, reply.StatusCode);
        Assert.Contains("RA certificate of this SCEP server has no private key", System.Text.Encoding.UTF8.GetString(reply.Body), StringComparison.Ordinal);
    }

    public void Dispose() => _console.Dispose();

    private X509Certificate2 RaCertificate() => Served("CN=ra");

    private X509Certificate2 CaCertificate() => Served("CN=ca");

    private X509Certificate2 Served(string subject) =>
        CertsOnly.Read(_engine.GetCaCert(Server).Body).Certificates.Select(X509CertificateLoader.LoadCertificate).Single(c => c.Subject == subject);

    private byte[] Request(X509Certificate2 recipient, out X509Certificate2 sender, out string transaction, out byte[] nonce)
    {
        using RSA key = RSA.Create(2048);
        string otp = _console.Run(":put [/certificate scep-server otp generate as-value]").Trim();
        var subject = new X500DistinguishedName("CN=device");
        byte[] csr = CertificateRequests.Create(subject, [], KeyUsage.None, DigestAlgorithm.Sha256, key.ExportPkcs8PrivateKey(), otp);
        sender = ScepSigner.SelfSigned(key, subject, _console.Clock.GetUtcNow());
        transaction = Guid.NewGuid().ToString("N");
        nonce = PkiMessageCodec.NewNonce();
        return ScepRequestBuilder.Enrol(csr, false, transaction, nonce, sender, recipient, new ScepAlgorithmChoice(ScepCipher.Aes128, DigestAlgorithm.Sha256));
    }
}

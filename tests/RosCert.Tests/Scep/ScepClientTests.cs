using System.Net;
using Microsoft.AspNetCore.Builder;
using RosCert.Commands.Menus.Certificates;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Scep;

/// <summary>
/// RosCert's SCEP client (<c>add-scep</c>, the daemon's <see cref="ScepEnrolment.RunDue"/>) against
/// RosCert's SCEP server on a loopback Kestrel, each with its own store and clock.
/// </summary>
public sealed class ScepClientTests : IAsyncLifetime, IDisposable
{
    private readonly ScepServerFixture _server = new();
    private readonly TestConsole _client = new();
    private WebApplication? _app;

    private string Url { get; set; } = "";

    public async Task InitializeAsync()
    {
        (_app, string address) = await ScepLoopback.StartAsync(_server);
        Url = address + "/scep/ca";
        _client.Run("/certificate add name=device common-name=device key-usage=digital-signature,tls-client");
    }

    public async Task DisposeAsync() => await _app!.DisposeAsync();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    private string CaFingerprint => _server.Console.Run(":put [/certificate get ca fingerprint]").Trim();

    [Fact]
    public void Enrols_at_once_with_an_otp_when_the_ca_fingerprint_is_given()
    {
        string output = _client.Run($"/certificate add-scep template=device scep-url=\"{Url}\" challenge-password={_server.Otp()} ca-fingerprint={CaFingerprint}");

        Assert.Equal("  status: issued\n", output);
        string printed = _client.Run("/certificate print detail where name=device");
        Assert.Contains(" 0 K ", printed);
        Assert.Contains("status=issued", printed);
        Assert.Contains("issuer=CN=ca", printed);
    }

    [Fact]
    public void Sends_no_challenge_to_an_untrusted_ca_and_shows_its_fingerprint()
    {
        string output = _client.Run($"/certificate add-scep template=device scep-url=\"{Url}\" challenge-password={_server.Otp()}");

        Assert.Contains("waiting for trust in CA " + CaFingerprint, output);
        Assert.Equal("0\n", _server.Console.Run(":put [/certificate scep-server requests print count-only]"));
    }

    [Fact]
    public void Polls_while_pending_and_collects_after_grant()
    {
        Assert.Contains("pending", _client.Run($"/certificate add-scep template=device scep-url=\"{Url}\" ca-fingerprint={CaFingerprint}"));
        ScepEnrolment.RunDue(_client.Environment);
        Assert.Contains("status=pending", _client.Run("/certificate print detail where name=device"));

        _server.Console.Run("/certificate scep-server requests grant 0");
        ScepEnrolment.RunDue(_client.Environment);

        Assert.Contains("status=issued", _client.Run("/certificate print detail where name=device"));
    }

    [Fact]
    public void Renews_in_place_at_three_quarters_of_the_validity()
    {
        _client.Run($"/certificate add-scep template=device scep-url=\"{Url}\" challenge-password={_server.Otp()} ca-fingerprint={CaFingerprint}");
        string firstSerial = _client.Run(":put [/certificate get device serial-number]");

        _client.Clock.Advance(TimeSpan.FromDays(365 * 3 / 4) - TimeSpan.FromDays(1));
        ScepEnrolment.RunDue(_client.Environment);
        Assert.Equal(firstSerial, _client.Run(":put [/certificate get device serial-number]"));

        _client.Clock.Advance(TimeSpan.FromDays(2));
        ScepEnrolment.RunDue(_client.Environment);

        Assert.NotEqual(firstSerial, _client.Run(":put [/certificate get device serial-number]"));
        Assert.Contains(" 0 K ", _client.Run("/certificate print detail where name=device"));
        Assert.Equal("2\n", _server.Console.Run(":put [/certificate print count-only where issued]"));
    }

    [Fact]
    public void Scep_renew_forces_a_renewal()
    {
        _client.Run($"/certificate add-scep template=device scep-url=\"{Url}\" challenge-password={_server.Otp()} ca-fingerprint={CaFingerprint}");
        string firstSerial = _client.Run(":put [/certificate get device serial-number]");

        Assert.Equal("", _client.Run("/certificate scep-renew device"));

        Assert.NotEqual(firstSerial, _client.Run(":put [/certificate get device serial-number]"));
    }

    [Fact]
    public async Task Pki_operation_by_get_tolerates_plus_signs_turned_into_spaces()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var subject = new System.Security.Cryptography.X509Certificates.X500DistinguishedName("CN=get-client");
        byte[] csr = RosCert.Core.Requests.CertificateRequests.Create(subject, [], RosCert.Core.Model.KeyUsage.None, RosCert.Core.Model.DigestAlgorithm.Sha256, key.ExportPkcs8PrivateKey(), _server.Otp());
        using var signer = RosCert.Scep.Client.ScepSigner.SelfSigned(key, subject, DateTimeOffset.UtcNow);
        using var ca = _server.CaCertificate;
        byte[] message = RosCert.Scep.Client.ScepRequestBuilder.Enrol(csr, false, "GET1", RosCert.Scep.Wire.PkiMessageCodec.NewNonce(), signer, ca,
            new RosCert.Scep.Client.ScepAlgorithmChoice(RosCert.Scep.Wire.ScepCipher.Aes128, RosCert.Core.Model.DigestAlgorithm.Sha256));
        string base64 = Convert.ToBase64String(message);
        Assert.Contains('+', base64);
        using var http = new HttpClient();

        HttpResponseMessage response = await http.GetAsync(new Uri(Url + "/pkiclient.exe?operation=PKIOperation&message=" + base64.Replace('/', '_').Replace("_", "%2F", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pki-message", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1\n", _server.Console.Run(":put [/certificate print count-only where issued]"));
    }
}

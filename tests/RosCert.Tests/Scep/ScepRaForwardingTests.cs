using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RosCert.Commands.Menus.Certificates;
using RosCert.Scep.Client;
using RosCert.Scep.Wire;
using RosCert.Server.Scep;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Scep;

/// <summary>
/// The forwarding RA <c>/certificate/scep-server/ra</c> (issue 7, decision 0060): RosCert's SCEP client
/// enrols through a RosCert RA (its own store, its own loopback Kestrel) whose upstream is RosCert's
/// SCEP server (another store and Kestrel).
/// </summary>
public sealed class ScepRaForwardingTests : IAsyncLifetime, IDisposable
{
    private readonly ScepServerFixture _upstream = new();
    private readonly TestConsole _ra = new();
    private readonly TestConsole _client = new();
    private WebApplication? _upstreamApp;
    private WebApplication? _raApp;

    private string UpstreamUrl { get; set; } = "";

    private string RaUrl { get; set; } = "";

    private string UpstreamCaFingerprint => _upstream.Console.Run(":put [/certificate get ca fingerprint]").Trim();

    public async Task InitializeAsync()
    {
        (_upstreamApp, string upstream) = await ScepLoopback.StartAsync(_upstream);
        UpstreamUrl = upstream + "/scep/ca";
        (_raApp, string ra) = await StartRaAsync(_ra);
        RaUrl = ra + "/scep/ra";

        _upstream.Console.Run("/certificate export-certificate ca");
        _ra.Environment.Files.WriteAtomic("upstream-ca.crt", _upstream.Console.Environment.Files.Read("cert_export_ca.crt", false));
        _ra.Run("/certificate import file-name=upstream-ca.crt");
        // 1536 bits: a key of its own, not one of the fixed test keys the other stores use.
        _ra.Run("/certificate add name=ra-cert common-name=branch-ra key-size=1536 key-usage=digital-signature,key-encipherment");
        _client.Run("/certificate add name=device common-name=device key-usage=digital-signature,tls-client");
    }

    public async Task DisposeAsync()
    {
        await _raApp!.DisposeAsync();
        await _upstreamApp!.DisposeAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        _ra.Dispose();
        _upstream.Dispose();
    }

    private void AddAndEnrolRa()
    {
        Assert.Equal("", _ra.Run($"/certificate scep-server ra add name=branch server-url=\"{UpstreamUrl}\" template=ra-cert challenge-password={_upstream.Otp()} ra-path=/scep/ra"));
        Assert.Equal("", _ra.Run("/certificate scep-server ra renew branch"));
    }

    [Fact]
    public void Ra_enrols_its_certificate_upstream_and_shows_the_upstream_ca_fingerprint()
    {
        AddAndEnrolRa();

        string printed = _ra.Run("/certificate scep-server ra print detail");
        Assert.Contains("status=idle", printed, StringComparison.Ordinal);
        Assert.Contains("ca-fingerprint=" + UpstreamCaFingerprint, printed, StringComparison.Ordinal);
        Assert.Matches("req-fingerprint=[0-9a-f]{64}", printed);
        Assert.Contains("issuer=CN=ca", _ra.Run("/certificate print detail where name=ra-cert"), StringComparison.Ordinal);

        _ra.Run("/certificate scep-server ra set branch fingerprint-algorithm=sha1");
        using X509Certificate2 ca = _upstream.CaCertificate;
#pragma warning disable CA5350 // what fingerprint-algorithm=sha1 shows
        string sha1 = Convert.ToHexStringLower(SHA1.HashData(ca.RawData));
#pragma warning restore CA5350
        Assert.Equal(sha1 + "\n", _ra.Run(":put [/certificate scep-server ra get branch ca-fingerprint]"));
    }

    [Fact]
    public async Task Ra_serves_its_own_caps_and_the_ra_with_the_upstream_ca()
    {
        _ra.Run($"/certificate scep-server ra add name=branch server-url=\"{UpstreamUrl}\" template=ra-cert ra-path=/scep/ra");
        using var http = new HttpClient();
        HttpResponseMessage early = await http.GetAsync(new Uri(RaUrl + "?operation=GetCACert"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
        Assert.Equal("the RA certificate is not enrolled yet\n", await early.Content.ReadAsStringAsync());
        _ra.Run("/certificate scep-server ra set branch challenge-password=" + _upstream.Otp());
        _ra.Run("/certificate scep-server ra renew branch");

        string caps = await http.GetStringAsync(new Uri(RaUrl + "?operation=GetCACaps"));
        HttpResponseMessage reply = await http.GetAsync(new Uri(RaUrl + "/pkiclient.exe?operation=GetCACert"));

        Assert.Contains("POSTPKIOperation", caps, StringComparison.Ordinal);
        Assert.DoesNotContain("Renewal", caps, StringComparison.Ordinal);
        Assert.Equal("application/x-x509-ca-ra-cert", reply.Content.Headers.ContentType?.MediaType);
        (IReadOnlyList<byte[]> certificates, _) = CertsOnly.Read(await reply.Content.ReadAsByteArrayAsync());
        Assert.Equal(["CN=branch-ra", "CN=ca"], certificates.Select(c => X509CertificateLoader.LoadCertificate(c).Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Client_enrols_through_the_ra_with_an_upstream_otp()
    {
        AddAndEnrolRa();

        string output = _client.Run($"/certificate add-scep template=device scep-url=\"{RaUrl}\" challenge-password={_upstream.Otp()} ca-fingerprint={UpstreamCaFingerprint}");

        Assert.Equal("  status: issued\n", output);
        Assert.Contains("issuer=CN=ca", _client.Run("/certificate print detail where name=device"), StringComparison.Ordinal);
        Assert.Contains("device", _upstream.Console.Run("/certificate print where issued"), StringComparison.Ordinal);
        Assert.Contains("authority=branch status=issued", Flat(_ra.Run("/certificate scep-server requests print detail")), StringComparison.Ordinal);
    }

    [Fact]
    public void Pending_upstream_is_relayed_and_collected_after_the_upstream_grant()
    {
        AddAndEnrolRa();

        Assert.Contains("pending", _client.Run($"/certificate add-scep template=device scep-url=\"{RaUrl}\" ca-fingerprint={UpstreamCaFingerprint}"), StringComparison.Ordinal);
        Assert.Contains("status=waiting", Flat(_ra.Run("/certificate scep-server requests print detail")), StringComparison.Ordinal);
        Assert.Equal("failure: request is not pending\n", _ra.Run("/certificate scep-server requests grant [find authority=branch]"));
        ScepEnrolment.RunDue(_client.Environment);
        Assert.Contains("status=pending", _client.Run("/certificate print detail where name=device"), StringComparison.Ordinal);

        _upstream.Console.Run("/certificate scep-server requests grant [find status=pending]");
        ScepEnrolment.RunDue(_client.Environment);

        Assert.Contains("status=issued", _client.Run("/certificate print detail where name=device"), StringComparison.Ordinal);
        Assert.Contains("status=issued", Flat(_ra.Run("/certificate scep-server requests print detail where authority=branch")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_after_the_ra_transaction_lifetime_fails_without_asking_upstream()
    {
        AddAndEnrolRa();
        _ra.Run("/certificate scep-server ra set branch ra-transaction-lifetime=5m");
        _client.Run($"/certificate add-scep template=device scep-url=\"{RaUrl}\" ca-fingerprint={UpstreamCaFingerprint}");

        _ra.Clock.Advance(TimeSpan.FromMinutes(6));
        ScepEnrolment.RunDue(_client.Environment);

        Assert.Equal("failed: badCertId\n", _client.Run(":put [/certificate get device status]"));
        Assert.Contains("status=failed", Flat(_ra.Run("/certificate scep-server requests print detail where authority=branch")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upstream_down_gives_the_client_a_clear_error_at_once()
    {
        AddAndEnrolRa();
        await _upstreamApp!.StopAsync();

        string output = _client.Run($"/certificate add-scep template=device scep-url=\"{RaUrl}\" challenge-password=x ca-fingerprint={UpstreamCaFingerprint}");

        Assert.Contains("error: PKIOperation failed with HTTP 502", output, StringComparison.Ordinal);
        _ra.Run("/certificate scep-server ra renew branch");
        Assert.Contains("error: cannot reach the SCEP server", _ra.Run(":put [/certificate scep-server ra get branch status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upstream_that_never_answers_times_out_with_http_502()
    {
        AddAndEnrolRa();
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<Socket>();
        Task accepting = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await silent.AcceptSocketAsync());
            }
        });
        _ra.Run($"/certificate scep-server ra set branch server-url=\"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/scep\"");
        Func<ScepHttp> before = ScepRaService.Http;
        ScepRaService.Http = () => new ScepHttp(timeout: TimeSpan.FromSeconds(1));
        try
        {
            using X509Certificate2 ra = LoadRaBundle().Single(c => c.Subject == "CN=branch-ra");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            HttpResponseMessage reply = await http.PostAsync(new Uri(RaUrl + "?operation=PKIOperation"), new ByteArrayContent(Request(ra)));

            Assert.Equal(HttpStatusCode.BadGateway, reply.StatusCode);
            Assert.StartsWith("upstream SCEP server: cannot reach the SCEP server", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            ScepRaService.Http = before;
            silent.Stop();
            held.ForEach(s => s.Dispose());
        }

        _ = accepting;
    }

    [Fact]
    public async Task Garbage_gets_http_400_and_the_store_is_unchanged()
    {
        AddAndEnrolRa();
        using var http = new HttpClient();

        HttpResponseMessage reply = await http.PostAsync(new Uri(RaUrl + "?operation=PKIOperation"), new ByteArrayContent([0x30, 0x03, 0x02, 0x01, 0x00]));

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Equal("0\n", _ra.Run(":put [/certificate scep-server requests print count-only]"));
    }

    private IEnumerable<X509Certificate2> LoadRaBundle()
    {
        using var http = new HttpClient();
        byte[] body = http.GetByteArrayAsync(new Uri(RaUrl + "?operation=GetCACert")).GetAwaiter().GetResult();
        return CertsOnly.Read(body).Certificates.Select(X509CertificateLoader.LoadCertificate);
    }

    private static byte[] Request(X509Certificate2 recipient)
    {
        using RSA key = RSA.Create(2048);
        var subject = new X500DistinguishedName("CN=timeout");
        byte[] csr = RosCert.Core.Requests.CertificateRequests.Create(subject, [], RosCert.Core.Model.KeyUsage.None, RosCert.Core.Model.DigestAlgorithm.Sha256, key.ExportPkcs8PrivateKey(), "x");
        using X509Certificate2 signer = ScepSigner.SelfSigned(key, subject, DateTimeOffset.UtcNow);
        return ScepRequestBuilder.Enrol(csr, false, "T1", PkiMessageCodec.NewNonce(), signer, recipient,
            new ScepAlgorithmChoice(ScepCipher.Aes128, RosCert.Core.Model.DigestAlgorithm.Sha256));
    }

    /// <summary>Detail output with its line breaks folded, so properties can be matched side by side.</summary>
    private static string Flat(string printed) => System.Text.RegularExpressions.Regex.Replace(printed, @"\s+", " ");

    private static async Task<(WebApplication App, string Address)> StartRaAsync(TestConsole console)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.MapScepRa(console.Environment);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}

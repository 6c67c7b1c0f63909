using Microsoft.AspNetCore.Builder;
using RosCert.Commands.Menus.Certificates;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Scep;

/// <summary>
/// CA roll-over (RFC 8894 §4.7, issue 7, decision 0025): RosCert's SCEP client learns the next CA
/// from RosCert's SCEP server over loopback and switches when a renewal would outlive the current CA.
/// Both sides run on fixed clocks moved together.
/// </summary>
public sealed class ScepRolloverTests : IAsyncLifetime, IDisposable
{
    private readonly ScepServerFixture _server = new();
    private readonly TestConsole _client = new();
    private WebApplication? _app;
    private string _url = "";

    public async Task InitializeAsync()
    {
        (_app, string address) = await ScepLoopback.StartAsync(_server);
        _url = address + "/scep/ca";
        _client.Run("/certificate add name=device common-name=device key-usage=digital-signature,tls-client");
        _server.Console.Run("/certificate add name=ca2 common-name=ca2 key-usage=key-cert-sign,crl-sign days-valid=1095");
        _server.Console.Run("/certificate sign ca2");
        _server.Console.Run("/certificate scep-server set 0 days-valid=150");
    }

    public async Task DisposeAsync() => await _app!.DisposeAsync();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    private string Fingerprint(string name) => _server.Console.Run($":put [/certificate get {name} fingerprint]").Trim();

    private string Issuer => _client.Run(":put [/certificate get device issuer]").Trim();

    private void Advance(int days)
    {
        _client.Clock.Advance(TimeSpan.FromDays(days));
        _server.Console.Clock.Advance(TimeSpan.FromDays(days));
        ScepEnrolment.RunDue(_client.Environment);
    }

    [Fact]
    public void Learns_the_next_ca_and_renews_under_it_when_a_renewal_would_outlive_the_current_ca()
    {
        _server.Console.Run("/certificate scep-server set 0 next-ca-cert=ca2");
        Assert.Contains("issued", _client.Run($"/certificate add-scep template=device scep-url=\"{_url}\" challenge-password={_server.Otp()} ca-fingerprint={Fingerprint("ca")}"));
        Assert.Contains("next-ca-fingerprint=" + Fingerprint("ca2"), _client.Run("/certificate print detail where name=device"));

        // Day 113: a 150-day certificate still ends before the 365-day CA.
        string serial = _client.Run(":put [/certificate get device serial-number]");
        Advance(113);
        Assert.NotEqual(serial, _client.Run(":put [/certificate get device serial-number]"));
        Assert.Equal("CN=ca", Issuer);

        // Day 226: a renewal now would end after the current CA, so it goes to the next CA.
        Advance(113);

        Assert.Equal("CN=ca2", Issuer);
        string printed = _client.Run("/certificate print detail where name=device");
        Assert.Contains("ca-fingerprint=" + Fingerprint("ca2"), printed);
        Assert.DoesNotContain("next-ca-fingerprint", printed);
        Assert.Contains("status=issued", printed);
        Assert.Contains(" 0 K ", printed);

        // The server still presents the old CA: the client keeps renewing under the new one.
        Advance(113);
        Assert.Equal("CN=ca2", Issuer);
        Assert.Contains("status=issued", _client.Run("/certificate print detail where name=device"));
    }

    [Fact]
    public void Without_get_next_ca_cert_the_client_stays_with_the_current_ca()
    {
        _client.Run($"/certificate add-scep template=device scep-url=\"{_url}\" challenge-password={_server.Otp()} ca-fingerprint={Fingerprint("ca")}");

        Advance(113);
        Advance(113);

        Assert.Equal("CN=ca", Issuer);
        Assert.DoesNotContain("next-ca-fingerprint", _client.Run("/certificate print detail where name=device"));
    }

    [Fact]
    public void A_next_ca_not_signed_by_the_current_ca_is_refused()
    {
        using var current = _server.CaCertificate;
        using var other = new ScepServerFixture();
        byte[] signedByOther = other.Engine.GetNextCaCert(other.Server with { NextCaCert = "ca" }).Body;

        Assert.Throws<RosCert.Scep.Wire.ScepException>(() => RosCert.Scep.Client.ScepNextCa.Read(signedByOther, current));
        byte[] genuine = _server.Engine.GetNextCaCert(_server.Server with { NextCaCert = "ca2" }).Body;
        using var next = RosCert.Scep.Client.ScepNextCa.Read(genuine, current);
        Assert.Equal("CN=ca2", next.Subject);
    }
}

using System.Text.Json;
using RosCert.Acme.Client;
using RosCert.Commands.Menus.Certificates.AcmeManaged;
using RosCert.Commands.Menus.Users;
using RosCert.Core.Model;
using RosCert.Host.Daemon;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Acme;

/// <summary>
/// ARI (RFC 9773) against the in-test stub directory, and the daemon's renewal runner under a fixed
/// clock: renewal at 80% of the validity when the CA has no renewalInfo (reference §6.2).
/// </summary>
public sealed class AriAndScheduleTests
{
    [Fact]
    public async Task With_renewalInfo_the_renewal_time_comes_from_the_window_and_a_renewal_sends_replaces()
    {
        using var console = new TestConsole();
        await using StubAcmeServer stub = await StubAcmeServer.StartAsync(ari: true, console.Clock.GetUtcNow);
        DateTimeOffset now = console.Clock.GetUtcNow();
        stub.Window = (now.AddDays(10), now.AddDays(12));
        Trust(console, stub);

        string output = console.Run($"/certificate add-acme domain-names=ari.test directory-url={stub.DirectoryUrl}");
        Assert.DoesNotContain("failure:", output, StringComparison.Ordinal);
        CertificateEntry first = Entry(console, "ari.test");
        DateTimeOffset renewAt = AcmeSettings.Of(first)!.Instant(AcmeSettings.RenewAt)!.Value;
        Assert.InRange(renewAt, stub.Window.Start, stub.Window.End); // not 80% (day 80)
        string firstId = RenewalInfo.CertificateId(first.Der!)!;
        Assert.Equal([firstId], stub.RenewalInfoRequests);
        Assert.False(stub.Orders.Single().TryGetProperty("replaces", out _)); // a first order replaces nothing
        Assert.False(AcmeSchedule.Due(first, stub.Window.Start.AddSeconds(-1)));
        Assert.True(AcmeSchedule.Due(first, stub.Window.End));

        // The CA moves the window; after its Retry-After (1 h) the daemon asks again and follows it.
        stub.Window = (now.AddDays(1), now.AddDays(1).AddHours(1));
        var renewer = new AcmeRenewer(new DaemonContext(console.Environment, new UserAuthenticator(console.Environment, _ => { }), new CertificateCache(console.Environment), new JsonLog(new StringWriter(), console.Clock)));
        console.Clock.Advance(TimeSpan.FromMinutes(59));
        renewer.RenewDue();
        Assert.Single(stub.RenewalInfoRequests);
        console.Clock.Advance(TimeSpan.FromMinutes(1));
        renewer.RenewDue();
        Assert.Equal(2, stub.RenewalInfoRequests.Count);
        Assert.InRange(AcmeSettings.Of(Entry(console, "ari.test"))!.Instant(AcmeSettings.RenewAt)!.Value, stub.Window.Start, stub.Window.End);
        Assert.Single(stub.Orders); // moved, but not yet due

        Assert.DoesNotContain("failure:", console.Run("/certificate acme-renew ari.test"), StringComparison.Ordinal);
        JsonElement renewal = stub.Orders.Last();
        Assert.Equal(firstId, renewal.GetProperty("replaces").GetString());
        CertificateEntry second = Entry(console, "ari.test");
        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public async Task Without_renewalInfo_nothing_ari_is_sent_and_the_daemon_renews_at_80_percent_of_the_validity()
    {
        using var console = new TestConsole();
        await using StubAcmeServer stub = await StubAcmeServer.StartAsync(ari: false, console.Clock.GetUtcNow);
        stub.Validity = TimeSpan.FromDays(100);
        Trust(console, stub);
        Assert.DoesNotContain("failure:", console.Run($"/certificate add-acme domain-names=plain.test directory-url={stub.DirectoryUrl}"), StringComparison.Ordinal);
        CertificateEntry first = Entry(console, "plain.test");
        Assert.Equal(first.InvalidBefore!.Value.AddDays(80), AcmeSettings.Of(first)!.Instant(AcmeSettings.RenewAt));

        var log = new StringWriter();
        var renewer = new AcmeRenewer(new DaemonContext(console.Environment, new UserAuthenticator(console.Environment, _ => { }), new CertificateCache(console.Environment), new JsonLog(log, console.Clock)));
        console.Clock.Advance(TimeSpan.FromDays(80) - TimeSpan.FromMinutes(1));
        renewer.RenewDue();
        Assert.Single(stub.Orders); // 79.99%: not yet
        console.Clock.Advance(TimeSpan.FromMinutes(1));
        renewer.RenewDue();
        Assert.Equal(2, stub.Orders.Count);
        Assert.All(stub.Orders, order => Assert.False(order.TryGetProperty("replaces", out _)));
        Assert.Empty(stub.RenewalInfoRequests);
        CertificateEntry renewed = Entry(console, "plain.test");
        Assert.Equal(first.Id, renewed.Id);
        Assert.NotEqual(first.Fingerprint, renewed.Fingerprint);
        Assert.Equal(first.Skid, renewed.Skid); // key reused
        Assert.Contains("renewed", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_renewal_keeps_the_certificate_records_the_error_and_backs_off()
    {
        using var console = new TestConsole();
        StubAcmeServer stub = await StubAcmeServer.StartAsync(ari: false, console.Clock.GetUtcNow);
        Trust(console, stub);
        console.Run($"/certificate add-acme domain-names=gone.test directory-url={stub.DirectoryUrl}");
        CertificateEntry issued = Entry(console, "gone.test");
        await stub.DisposeAsync(); // the CA goes away

        string output = console.Run("/certificate acme-renew gone.test");
        Assert.Contains("failure: cannot reach", output, StringComparison.Ordinal);
        CertificateEntry after = Entry(console, "gone.test");
        Assert.Equal(issued.Fingerprint, after.Fingerprint);
        AcmeSettings settings = AcmeSettings.Of(after)!;
        Assert.StartsWith("error: cannot reach", settings.Properties[AcmeSettings.Status], StringComparison.Ordinal);
        Assert.Equal(console.Clock.GetUtcNow().AddMinutes(5), settings.Instant(AcmeSettings.RetryAt));
        Assert.False(AcmeSchedule.Due(after with { InvalidAfter = console.Clock.GetUtcNow() }, console.Clock.GetUtcNow().AddMinutes(4)));
        Assert.Contains("acme-status=\"error: cannot reach", console.Run("/certificate print detail where name=gone.test"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(10, 1440)]
    [InlineData(50, 1440)]
    public void Backoff_doubles_from_five_minutes_up_to_a_day(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), AcmeSchedule.Backoff(failures, retryAfter: null));

    [Fact]
    public void A_longer_retry_after_from_the_server_wins_over_the_backoff() =>
        Assert.Equal(TimeSpan.FromHours(3), AcmeSchedule.Backoff(1, TimeSpan.FromHours(3)));

    [Fact]
    public void Eighty_percent_of_a_90_day_certificate_is_day_72()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var entry = new CertificateEntry
        {
            Id = new ItemId(1),
            Name = "x",
            Der = [1],
            InvalidBefore = start,
            InvalidAfter = start.AddDays(90),
            Management = AcmeSettings.New("https://ca.test/dir", ["x.test"], null, null),
        };
        Assert.False(AcmeSchedule.Due(entry, start.AddDays(72).AddSeconds(-1)));
        Assert.True(AcmeSchedule.Due(entry, start.AddDays(72)));
        Assert.False(AcmeSchedule.Due(entry with { Management = null }, start.AddDays(89)));
    }

    private static void Trust(TestConsole console, StubAcmeServer stub)
    {
        File.WriteAllText(Path.Combine(console.DataPath, "files", "stub.crt"), stub.TlsPem());
        Assert.DoesNotContain("failure:", console.Run("/certificate import file-name=stub.crt trusted=yes"), StringComparison.Ordinal);
    }

    private static CertificateEntry Entry(TestConsole console, string name) =>
        console.Environment.Store.Read(r => r.CertificateByName(name)) ?? throw new InvalidOperationException(name + " missing");
}

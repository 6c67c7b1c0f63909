using System.Net;
using Microsoft.Extensions.Time.Testing;
using RosCert.Core.Model;
using RosCert.Scep.Server;
using RosCert.Server.Scep;
using Xunit;

namespace RosCert.Tests.Scep;

/// <summary>Issue 7 security: OTPs are secrets that expire, bodies are bounded, floods are limited.</summary>
public sealed class ScepServerSecurityTests
{
    [Fact]
    public void An_otp_is_hidden_in_print_and_flagged_expired_after_its_minutes()
    {
        using var fixture = new ScepServerFixture();
        string otp = fixture.Console.Run(":put [/certificate scep-server otp generate minutes-valid=5 as-value]").Trim();

        Assert.DoesNotContain(otp, fixture.Console.Run("/certificate scep-server otp print"));
        Assert.Contains(otp, fixture.Console.Run("/certificate scep-server otp print show-sensitive"));
        Assert.DoesNotContain(" E ", fixture.Console.Run("/certificate scep-server otp print"));
        fixture.Console.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains(" E ", fixture.Console.Run("/certificate scep-server otp print"));
    }

    [Fact]
    public void An_expired_otp_grants_nothing()
    {
        using var fixture = new ScepServerFixture();
        string otp = fixture.Otp();
        fixture.Console.Clock.Advance(TimeSpan.FromMinutes(61));

        var reply = fixture.Enrol("late", otp, new RosCert.Scep.Client.ScepAlgorithmChoice(RosCert.Scep.Wire.ScepCipher.Aes256, DigestAlgorithm.Sha256));

        Assert.Equal(RosCert.Scep.Wire.PkiStatus.Pending, reply.Status);
    }

    [Fact]
    public void Oversized_messages_are_refused()
    {
        using var fixture = new ScepServerFixture();
        Assert.Equal(400, fixture.Engine.PkiOperation(fixture.Server, new byte[RosCert.Scep.Wire.PkiMessageCodec.MaxMessageBytes + 1]).StatusCode);
    }

    [Fact]
    public void The_rate_limit_counts_per_client_address_and_minute()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var limiter = new ScepRateLimiter(clock);
        var server = new ScepServerSettings(new ItemId(1), "/scep/ca", "ca", null, 365, TimeSpan.FromDays(1), null, RateLimit: 3);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(limiter.Allow(server, IPAddress.Loopback)));
        Assert.False(limiter.Allow(server, IPAddress.Loopback));
        Assert.True(limiter.Allow(server, IPAddress.IPv6Loopback));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limiter.Allow(server, IPAddress.Loopback));
        Assert.True(limiter.Allow(server with { RateLimit = 0 }, IPAddress.Loopback));
    }
}

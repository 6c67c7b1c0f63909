using System.Net;
using Microsoft.Extensions.Time.Testing;
using RosCert.Server.RateLimiting;
using Xunit;

namespace RosCert.Tests.Server;

/// <summary>The shared per-address limiter of the unauthenticated endpoints (SCEP, CRL).</summary>
public sealed class ClientRateLimiterTests
{
    [Fact]
    public void A_client_over_the_limit_is_told_to_retry_when_the_minute_ends()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 15, TimeSpan.Zero));
        var limiter = new ClientRateLimiter(clock);

        Assert.All(Enumerable.Range(0, 2), _ => Assert.True(limiter.Check("crl", IPAddress.Loopback, 2).IsAllowed));
        RateDecision refused = limiter.Check("crl", IPAddress.Loopback, 2);

        Assert.False(refused.IsAllowed);
        Assert.Equal(TimeSpan.FromSeconds(45), refused.RetryAfter);
        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.True(limiter.Check("crl", IPAddress.Loopback, 2).IsAllowed);
    }

    [Fact]
    public void Scopes_and_addresses_count_apart_and_zero_means_no_limit()
    {
        var limiter = new ClientRateLimiter(new FakeTimeProvider());

        Assert.True(limiter.Check("crl", IPAddress.Loopback, 1).IsAllowed);
        Assert.False(limiter.Check("crl", IPAddress.Loopback, 1).IsAllowed);
        Assert.True(limiter.Check("scep/1", IPAddress.Loopback, 1).IsAllowed);
        Assert.True(limiter.Check("crl", IPAddress.IPv6Loopback, 1).IsAllowed);
        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(limiter.Check("crl", IPAddress.Loopback, 0).IsAllowed));
    }

    [Fact]
    public void The_number_of_tracked_clients_stays_bounded()
    {
        var clock = new FakeTimeProvider();
        var limiter = new ClientRateLimiter(clock);
        for (int i = 0; i <= ClientRateLimiter.MaxTrackedClients; i++)
        {
            limiter.Check("crl", new IPAddress(0x0100007F + (i << 8)), 10);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        limiter.Check("crl", IPAddress.Loopback, 10);

        Assert.True(limiter.TrackedWindows <= 1);
    }
}

using System.Collections.Concurrent;
using System.Net;

namespace RosCert.Server.RateLimiting;

/// <summary>
/// A fixed one-minute window per scope (an endpoint, e.g. one SCEP server or the CRL endpoint) and
/// client address, shared by the unauthenticated endpoints so a flood gets HTTP 429 (RFC 6585 §4)
/// instead of work. A limit of 0 or less turns the check off. At most <see cref="MaxTrackedClients"/>
/// windows are kept; stale ones are dropped when that bound is passed.
/// </summary>
public sealed class ClientRateLimiter(TimeProvider clock)
{
    public const int MaxTrackedClients = 10_000;
    private const int WindowSeconds = 60;
    private readonly ConcurrentDictionary<(string Scope, string Address), Window> _windows = new();

    /// <summary>How many (scope, address) windows are kept now.</summary>
    public int TrackedWindows => _windows.Count;

    /// <summary>Counts one request; says whether it is within <paramref name="perMinute"/>.</summary>
    public RateDecision Check(string scope, IPAddress? address, int perMinute)
    {
        if (perMinute <= 0)
        {
            return RateDecision.Allowed;
        }

        long now = clock.GetUtcNow().ToUnixTimeSeconds();
        long minute = now / WindowSeconds;
        DropStaleWindows(minute);
        Window window = _windows.AddOrUpdate(
            (scope, address?.ToString() ?? ""),
            _ => new Window(minute, 1),
            (_, old) => old.Minute == minute ? old with { Count = old.Count + 1 } : new Window(minute, 1));
        if (window.Count <= perMinute)
        {
            return RateDecision.Allowed;
        }

        // The client may come back when the current window ends (RFC 9110 §10.2.3 Retry-After).
        long retryAfter = Math.Max(1, ((minute + 1) * WindowSeconds) - now);
        return new RateDecision(false, TimeSpan.FromSeconds(retryAfter));
    }

    private void DropStaleWindows(long minute)
    {
        if (_windows.Count <= MaxTrackedClients)
        {
            return;
        }

        foreach (var stale in _windows.Where(w => w.Value.Minute != minute).Select(w => w.Key).ToArray())
        {
            _windows.TryRemove(stale, out _);
        }
    }

    private sealed record Window(long Minute, int Count);
}

/// <summary>The answer of <see cref="ClientRateLimiter.Check"/>: allowed, or when to retry.</summary>
public readonly record struct RateDecision(bool IsAllowed, TimeSpan RetryAfter)
{
    public static RateDecision Allowed => new(true, TimeSpan.Zero);
}

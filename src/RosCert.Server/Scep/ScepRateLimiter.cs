using System.Collections.Concurrent;
using System.Net;
using RosCert.Scep.Server;

namespace RosCert.Server.Scep;

/// <summary>
/// A fixed one-minute window per server and client address: a flood of SCEP requests gets HTTP 429
/// (issue 7 security). The limit is the server's RosCert extra <c>rate-limit</c>; 0 turns it off.
/// </summary>
public sealed class ScepRateLimiter(TimeProvider clock)
{
    private const int MaxTrackedClients = 10_000;
    private readonly ConcurrentDictionary<(long Server, string Address), Window> _windows = new();

    public bool Allow(ScepServerSettings server, IPAddress? address)
    {
        if (server.RateLimit <= 0)
        {
            return true;
        }

        long minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (_windows.Count > MaxTrackedClients)
        {
            foreach (var stale in _windows.Where(w => w.Value.Minute != minute).Select(w => w.Key).ToArray())
            {
                _windows.TryRemove(stale, out _);
            }
        }

        Window window = _windows.AddOrUpdate(
            (server.Id.Value, address?.ToString() ?? ""),
            _ => new Window(minute, 1),
            (_, old) => old.Minute == minute ? old with { Count = old.Count + 1 } : new Window(minute, 1));
        return window.Count <= server.RateLimit;
    }

    private sealed record Window(long Minute, int Count);
}

using System.Net;
using RosCert.Scep.Server;
using RosCert.Server.RateLimiting;

namespace RosCert.Server.Scep;

/// <summary>
/// The SCEP side of <see cref="ClientRateLimiter"/>: one window per server and client address
/// (issue 7 security). The limit is the server's RosCert extra <c>rate-limit</c>; 0 turns it off.
/// </summary>
public sealed class ScepRateLimiter(TimeProvider clock)
{
    private readonly ClientRateLimiter _limiter = new(clock);

    public bool Allow(ScepServerSettings server, IPAddress? address) => Check(server, address).IsAllowed;

    public RateDecision Check(ScepServerSettings server, IPAddress? address) =>
        _limiter.Check("scep/" + server.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), address, server.RateLimit);
}

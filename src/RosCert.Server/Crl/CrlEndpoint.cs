using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using RosCert.Commands.Execution;
using RosCert.Core.Model;
using RosCert.Core.Revocation;
using RosCert.Server.RateLimiting;

namespace RosCert.Server.Crl;

/// <summary>
/// CRL distribution on <c>www</c> (issue 6): <c>GET /crl/&lt;CA skid&gt;.crl</c>, the exact URL the
/// signing engine writes into the CRL Distribution Point of certificates a CA with
/// <c>ca-crl-host</c> issues. Served as <c>application/pkix-crl</c> (RFC 5280 §4.2.1.13, RFC 2585 §4)
/// with a strong ETag, Last-Modified = thisUpdate, 304 for <c>If-None-Match</c> /
/// <c>If-Modified-Since</c>, and caching allowed until nextUpdate. Unauthenticated by design.
/// </summary>
public static class CrlEndpoint
{
    public const string MediaType = "application/pkix-crl";

    public static IEndpointRouteBuilder MapCrl(this IEndpointRouteBuilder routes, CommandEnvironment environment)
    {
        var limiter = new ClientRateLimiter(environment.Clock);

        // A RequestDelegate, not a Delegate with bound parameters: no reflection, so NativeAOT-safe.
        routes.MapGet("/crl/{file}", context =>
            ServeLimited(context, environment, limiter, (string)context.Request.RouteValues["file"]!).ExecuteAsync(context));
        return routes;
    }

    /// <summary>
    /// The endpoint is unauthenticated, so each client address gets at most the RosCert extra
    /// <c>/certificate/settings crl-rate-limit</c> requests a minute (decision 0053); more get 429.
    /// </summary>
    private static IResult ServeLimited(HttpContext context, CommandEnvironment environment, ClientRateLimiter limiter, string file)
    {
        int perMinute = environment.Store.Read(CrlSettings.ServeRateLimit);
        RateDecision rate = limiter.Check("crl", context.Connection.RemoteIpAddress, perMinute);
        return rate.IsAllowed ? Serve(context, environment, file) : TooManyRequests.Result(context.Response, rate, "CRL");
    }

    private static IResult Serve(HttpContext context, CommandEnvironment environment, string file)
    {
        if (!file.EndsWith(".crl", StringComparison.OrdinalIgnoreCase))
        {
            return Results.NotFound();
        }

        string skid = file[..^4].ToUpperInvariant();
        CrlRecord? crl = environment.Store.Read(r =>
            r.CertificatesBySkid(skid).FirstOrDefault(c => c.PrivateKey is not null) is { } ca ? r.Crl(ca.Id) : null);
        if (crl?.Der is not { } der || crl.ThisUpdate is not { } thisUpdate)
        {
            return Results.NotFound();
        }

        string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(der)) + "\"";
        HttpResponse response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.LastModified = thisUpdate.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.CacheControl = CacheControl(crl.NextUpdate, environment.Clock.GetUtcNow());
        return NotModified(context.Request, etag, thisUpdate) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(der, MediaType);
    }

    /// <summary>RFC 9110 §13.1.2: If-None-Match wins; else If-Modified-Since at or after thisUpdate.</summary>
    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset thisUpdate)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return request.Headers.IfNoneMatch.Any(value => value is not null && (value == "*" || value.Split(',').Any(v => v.Trim() == etag)));
        }

        return DateTimeOffset.TryParse(request.Headers.IfModifiedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset since)
            && since >= DateTimeOffset.FromUnixTimeSeconds(thisUpdate.ToUnixTimeSeconds());
    }

    private static string CacheControl(DateTimeOffset? nextUpdate, DateTimeOffset now)
    {
        long seconds = nextUpdate is { } next ? Math.Max(0, (long)(next - now).TotalSeconds) : 0;
        return $"public, max-age={seconds.ToString(CultureInfo.InvariantCulture)}";
    }
}

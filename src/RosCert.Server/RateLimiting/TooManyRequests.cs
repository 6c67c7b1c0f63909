using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace RosCert.Server.RateLimiting;

/// <summary>The 429 answer of a limited client (RFC 6585 §4), with the Retry-After it must honour.</summary>
public static class TooManyRequests
{
    public static void AddRetryAfter(HttpResponse response, RateDecision decision) =>
        response.Headers[HeaderNames.RetryAfter] = ((long)decision.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public static IResult Result(HttpResponse response, RateDecision decision, string what)
    {
        AddRetryAfter(response, decision);
        return Results.Text($"too many {what} requests", statusCode: StatusCodes.Status429TooManyRequests);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RosCert.Commands.Menus.Certificates.AcmeManaged;
using RosCert.Core.Ports;

namespace RosCert.Server.Acme;

/// <summary>
/// The http-01 responder (RFC 8555 §8.3): <c>GET /.well-known/acme-challenge/&lt;token&gt;</c> answers the
/// key authorization of a running order, read from the store, as <c>application/octet-stream</c>;
/// 404 for any other token. Unauthenticated by design (the CA's validator calls it).
/// </summary>
public static class AcmeChallengeEndpoint
{
    public const string PathPrefix = "/.well-known/acme-challenge/";

    public static IEndpointRouteBuilder MapAcmeChallenge(this IEndpointRouteBuilder routes, IStore store)
    {
        // A RequestDelegate, not a lambda with bound parameters: the latter needs reflection (not NativeAOT-safe).
        routes.MapGet(PathPrefix + "{token}", context => Answer(store, (string)context.Request.RouteValues["token"]!).ExecuteAsync(context));
        return routes;
    }

    public static IResult Answer(IStore store, string token)
    {
        string? answer = store.Read(r => ChallengeTokens.KeyAuthorization(r, token));
        return answer is null ? Results.NotFound() : Results.Bytes(System.Text.Encoding.ASCII.GetBytes(answer), "application/octet-stream");
    }
}

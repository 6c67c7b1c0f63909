using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using RosCert.Commands.Execution;

namespace RosCert.Server.Rest;

/// <summary>
/// The RouterOS REST API (reference §5): <c>/rest</c> plus the menu path, HTTP Basic auth, JSON in and
/// out. It declares no command of its own: every path walks the catalogue and every verb runs a
/// catalogue command, so the console, REST and the binary API stay one declaration.
/// </summary>
public static class RestApi
{
    /// <summary>Maps <c>/rest</c> and <c>/rest/{**path}</c> on the given routes.</summary>
    public static IEndpointRouteBuilder MapRest(
        this IEndpointRouteBuilder routes, CommandEnvironment environment, IAuthenticator authenticator, RestOptions? options = null)
    {
        var endpoint = new RestEndpoint(environment, authenticator, options ?? new RestOptions());
        routes.Map("/rest", endpoint.HandleAsync);
        routes.Map("/rest/{**path}", endpoint.HandleAsync);
        return routes;
    }
}

/// <summary>Limits of the REST face; tests shorten them.</summary>
public sealed record RestOptions
{
    /// <summary>
    /// How long a request may run before RouterOS answers <c>Session closed</c> (reference §5.1). The
    /// command itself is not interrupted: it finishes and commits, as it would on the router.
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

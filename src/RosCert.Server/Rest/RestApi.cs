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
    public static IEndpointRouteBuilder MapRest(this IEndpointRouteBuilder routes, CommandEnvironment environment, IAuthenticator authenticator)
    {
        var endpoint = new RestEndpoint(environment, authenticator);
        routes.Map("/rest", endpoint.HandleAsync);
        routes.Map("/rest/{**path}", endpoint.HandleAsync);
        return routes;
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RosCert.Commands.Execution;
using RosCert.Core.Errors;

namespace RosCert.Server.Rest;

/// <summary>
/// One REST request from end to end: authenticate, resolve the path, read the arguments, dispatch the
/// verb, write the reply. Every failure is mapped here, once (architecture convention 9): the face's
/// own errors and command errors become RouterOS error bodies; anything else is a bug, logged and
/// answered with a bare 500, never a stack trace.
/// </summary>
internal sealed class RestEndpoint(CommandEnvironment environment, IAuthenticator authenticator, RestOptions options)
{
    /// <summary>What a browser shows when asking for credentials.</summary>
    private const string Challenge = "Basic realm=\"RosCert\"";

    public async Task HandleAsync(HttpContext http)
    {
        Principal? principal = RestAuthentication.Authenticate(http.Request, authenticator);
        if (principal is null)
        {
            http.Response.Headers.WWWAuthenticate = Challenge;
            await RestJson.WriteErrorAsync(http.Response, StatusCodes.Status401Unauthorized, null).ConfigureAwait(false);
            return;
        }

        try
        {
            RestReply reply = await RunLimitedAsync(http, principal).ConfigureAwait(false);
            await SendAsync(http.Response, reply).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e)
        {
            await FailAsync(http, e).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the command off the request's thread and answers <c>Session closed</c> when it outlives the
    /// REST time limit; the command goes on to its end (a signing or an ACME order is not cut halfway).
    /// </summary>
    private async Task<RestReply> RunLimitedAsync(HttpContext http, Principal principal)
    {
        Task<RestReply> work = Task.Run(() => DispatchAsync(http, principal));
        try
        {
            return await work.WaitAsync(options.CommandTimeout, http.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Nobody waits for the result any more; observe a late failure so it is not reported as unobserved.
            _ = work.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw RestException.SessionClosed();
        }
    }

    private async Task<RestReply> DispatchAsync(HttpContext http, Principal principal)
    {
        RestTarget target = RestTarget.Resolve(environment.Catalogue, http.Request.RouteValues["path"] as string);

        // One session per request (REST has no state between calls); Face.Rest keeps file names inside
        // the files area (Session.LocalFileAccess is false for every remote face).
        var session = new Session(environment, principal.User, principal.Rights, Face.Rest) { Address = http.Connection.RemoteIpAddress?.ToString() };
        var dispatcher = new RestDispatcher(session, target);
        string method = http.Request.Method;
        if (HttpMethods.IsGet(method))
        {
            return dispatcher.Get(RestQueryString.Read(http.Request.Query));
        }

        if (HttpMethods.IsDelete(method))
        {
            return dispatcher.Delete();
        }

        RestArguments body = await RestBody.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        return method switch
        {
            _ when HttpMethods.IsPut(method) => dispatcher.Put(body),
            _ when HttpMethods.IsPatch(method) => dispatcher.Patch(body),
            _ when HttpMethods.IsPost(method) => dispatcher.Post(body),
            _ => throw new RestException(StatusCodes.Status405MethodNotAllowed, $"no such method ({method})"),
        };
    }

    private static Task SendAsync(HttpResponse response, RestReply reply)
    {
        if (reply.Body is null)
        {
            response.StatusCode = reply.Status;
            return Task.CompletedTask;
        }

        return RestJson.WriteAsync(response, reply.Status, reply.Body);
    }

    private static Task FailAsync(HttpContext http, Exception error)
    {
        (int status, string? detail) = error switch
        {
            RestException rest => (rest.Status, rest.Detail),
            RouterOsException routerOs => (routerOs.HttpStatus, routerOs.Message),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            _ => (StatusCodes.Status500InternalServerError, null),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            Logger(http).LogError(error, "REST {Method} {Path} failed", http.Request.Method, http.Request.Path.Value);
        }

        if (http.Response.HasStarted)
        {
            http.Abort();
            return Task.CompletedTask;
        }

        http.Response.Clear();
        return RestJson.WriteErrorAsync(http.Response, status, detail);
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("RosCert.Server.Rest") ?? NullLogger.Instance;
}

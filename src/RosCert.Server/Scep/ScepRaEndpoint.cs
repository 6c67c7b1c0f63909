using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Certificates;
using RosCert.Scep.Forwarding;
using RosCert.Scep.Server;
using RosCert.Scep.Wire;
using RosCert.Server.RateLimiting;

namespace RosCert.Server.Scep;

/// <summary>
/// The forwarding RA on <c>www</c>/<c>www-ssl</c> (reference §2.17, §6.1; decision 0060): every
/// enabled <c>/certificate/scep-server/ra</c> with an <c>ra-path</c> answers there (and at
/// <c>ra-path/pkiclient.exe</c>) with its own GetCACaps, GetCACert (RA + upstream CA chain) and a
/// forwarding PKIOperation. Looked up per request, like the SCEP servers.
/// </summary>
public static class ScepRaEndpoint
{
    /// <summary>Requests per minute per client address and RA, as the SCEP server's default.</summary>
    private const int RateLimit = ScepServerSettingsReader.DefaultRateLimit;

    public static IApplicationBuilder MapScepRa(this IApplicationBuilder app, CommandEnvironment environment)
    {
        var forwarder = new ScepForwarder(environment.Store, environment.Clock, () => ScepRaService.Http());
        var limiter = new ClientRateLimiter(environment.Clock);
        return app.Use(async (context, next) =>
        {
            ScepRaSettings? ra = Match(environment, context.Request.Path.Value ?? "");
            if (ra is null)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            RateDecision rate = limiter.Check("scep-ra/" + ra.Id.Value.ToString(CultureInfo.InvariantCulture), context.Connection.RemoteIpAddress, RateLimit);
            ScepReply reply;
            if (rate.IsAllowed)
            {
                reply = await AnswerAsync(context, environment, forwarder, ra).ConfigureAwait(false);
            }
            else
            {
                TooManyRequests.AddRetryAfter(context.Response, rate);
                reply = ScepReply.Text(StatusCodes.Status429TooManyRequests, "too many SCEP requests");
            }

            context.Response.StatusCode = reply.StatusCode;
            context.Response.ContentType = reply.ContentType;
            context.Response.ContentLength = reply.Body.Length;
            await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
        });
    }

    private static ScepRaSettings? Match(CommandEnvironment environment, string path)
    {
        if (path.EndsWith("/pkiclient.exe", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"/pkiclient.exe".Length];
        }

        path = path.TrimEnd('/');
        return path.Length == 0 ? null : environment.Store.Read(ScepRaService.Serving).FirstOrDefault(r => r.RaPath!.TrimEnd('/') == path);
    }

    private static async Task<ScepReply> AnswerAsync(HttpContext context, CommandEnvironment environment, ScepForwarder forwarder, ScepRaSettings settings)
    {
        bool post = HttpMethods.IsPost(context.Request.Method);
        if (!post && !HttpMethods.IsGet(context.Request.Method))
        {
            return ScepReply.Text(StatusCodes.Status405MethodNotAllowed, "GET or POST");
        }

        string operation = context.Request.Query["operation"].ToString();
        if (operation == "GetCACaps")
        {
            return ScepForwarder.GetCaCaps();
        }

        if (operation is not ("GetCACert" or "PKIOperation"))
        {
            return ScepReply.Text(StatusCodes.Status400BadRequest, "unknown operation");
        }

        try
        {
            byte[]? body = operation == "PKIOperation"
                ? post ? await ScepEndpoint.ReadBodyAsync(context).ConfigureAwait(false) : ScepEndpoint.MessageOf(context.Request)
                : null;
            // The upstream calls block (each bounded by its timeout): off the request thread.
            return await Task.Run(() => Answer(environment, forwarder, settings, body), context.RequestAborted).ConfigureAwait(false);
        }
        catch (ScepException error)
        {
            return ScepReply.Text(StatusCodes.Status400BadRequest, error.Message);
        }
    }

    private static ScepReply Answer(CommandEnvironment environment, ScepForwarder forwarder, ScepRaSettings settings, byte[]? body)
    {
        (ScepRaContext? ra, int status, string reason) = ScepRaService.Context(environment, settings);
        if (ra is null)
        {
            return ScepReply.Text(status, reason);
        }

        using (ra)
        {
            return body is null ? ScepForwarder.GetCaCert(ra) : forwarder.PkiOperation(ra, body);
        }
    }
}

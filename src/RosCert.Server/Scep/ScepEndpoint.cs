using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Certificates;
using RosCert.Scep.Server;
using RosCert.Scep.Wire;
using RosCert.Server.RateLimiting;

namespace RosCert.Server.Scep;

/// <summary>
/// The SCEP server on <c>www</c>/<c>www-ssl</c> (RFC 8894 §4; reference §2.17): every enabled
/// <c>/certificate/scep-server</c> answers at its <c>path</c> and at <c>path/pkiclient.exe</c>.
/// Servers are looked up per request, so added or disabled servers need no restart.
/// </summary>
public static class ScepEndpoint
{
    public static IApplicationBuilder MapScep(this IApplicationBuilder app, CommandEnvironment environment)
    {
        var engine = new ScepServerEngine(environment.Store, environment.Keys, environment.Clock, new ScepIssuance(environment));
        var limiter = new ScepRateLimiter(environment.Clock);
        return app.Use(async (context, next) =>
        {
            ScepServerSettings? server = Match(environment, context.Request.Path.Value ?? "");
            if (server is null)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            ScepReply reply = await AnswerAsync(context, engine, limiter, server).ConfigureAwait(false);
            context.Response.StatusCode = reply.StatusCode;
            context.Response.ContentType = reply.ContentType;
            context.Response.ContentLength = reply.Body.Length;
            await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
        });
    }

    private static ScepServerSettings? Match(CommandEnvironment environment, string path)
    {
        if (path.EndsWith("/pkiclient.exe", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"/pkiclient.exe".Length];
        }

        path = path.TrimEnd('/');
        if (path.Length == 0)
        {
            return null;
        }

        return environment.Store.Read(ScepServerSettingsReader.Enabled).FirstOrDefault(s => s.Path.TrimEnd('/') == path);
    }

    private static async Task<ScepReply> AnswerAsync(HttpContext context, ScepServerEngine engine, ScepRateLimiter limiter, ScepServerSettings server)
    {
        RateDecision rate = limiter.Check(server, context.Connection.RemoteIpAddress);
        if (!rate.IsAllowed)
        {
            TooManyRequests.AddRetryAfter(context.Response, rate);
            return ScepReply.Text(StatusCodes.Status429TooManyRequests, "too many SCEP requests");
        }

        string operation = context.Request.Query["operation"].ToString();
        bool post = HttpMethods.IsPost(context.Request.Method);
        if (!post && !HttpMethods.IsGet(context.Request.Method))
        {
            return ScepReply.Text(StatusCodes.Status405MethodNotAllowed, "GET or POST");
        }

        try
        {
            return operation switch
            {
                "GetCACaps" => ScepServerEngine.GetCaCaps(server),
                "GetCACert" => engine.GetCaCert(server),
                "GetNextCACert" => engine.GetNextCaCert(server),
                "PKIOperation" => engine.PkiOperation(server, post ? await ReadBodyAsync(context).ConfigureAwait(false) : MessageOf(context.Request)),
                _ => ScepReply.Text(StatusCodes.Status400BadRequest, "unknown operation"),
            };
        }
        catch (ScepException error)
        {
            return ScepReply.Text(StatusCodes.Status400BadRequest, error.Message);
        }
    }

    /// <summary>GET carries the message base64 in <c>message=</c>; a '+' left unescaped arrives as a space (RFC 8894 §4.1).</summary>
    internal static byte[] MessageOf(HttpRequest request)
    {
        string text = request.Query["message"].ToString().Replace(' ', '+');
        if (text.Length > PkiMessageCodec.MaxMessageBytes * 2)
        {
            throw new ScepException("message too large");
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new ScepException("message is not base64");
        }
    }

    internal static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > PkiMessageCodec.MaxMessageBytes)
        {
            throw new ScepException("message too large");
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > PkiMessageCodec.MaxMessageBytes)
            {
                throw new ScepException("message too large");
            }
        }

        return buffer.ToArray();
    }
}

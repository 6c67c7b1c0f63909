using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using RosCert.Commands.Menus.Certificates.AcmeManaged;
using RosCert.Core.Ports;
using RosCert.Host.Daemon;
using RosCert.Server.Acme;

namespace RosCert.Host;

/// <summary>
/// The http-01 listener a command starts when no daemon serves <c>www</c>: Kestrel on the www port
/// and listen-address of <c>/ip service</c>, answering only <c>/.well-known/acme-challenge/</c> from the
/// store, for the duration of the order. When the port is taken, the daemon's www answers the same
/// stored tokens. (HttpListener refuses pebble's Host header; Kestrel does not.)
/// </summary>
internal sealed class AcmeChallengeListener(IStore store) : IChallengeListener
{
    public async Task<IAsyncDisposable?> ListenAsync(Action<string> progress, CancellationToken cancel)
    {
        ServiceConfig www = ServiceConfig.Load(store).First(s => s.Name == "www");
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Limits.MaxConcurrentConnections = 100;
            kestrel.Listen(www.ListenAddress, www.Port);
        });
        WebApplication app = builder.Build();
        app.MapAcmeChallenge(store);
        string port = www.Port.ToString(CultureInfo.InvariantCulture);
        try
        {
            await app.StartAsync(cancel).ConfigureAwait(false);
        }
        catch (IOException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            progress($"www port {port} is in use; the running www service answers the challenge");
            return null;
        }

        progress($"answering the challenge on www port {port}");
        return new Listening(app);
    }

    private sealed class Listening(WebApplication app) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await app.StopAsync(drain.Token).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}

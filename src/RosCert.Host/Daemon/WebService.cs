using System.Net.Security;
using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using RosCert.Commands.Execution;
using RosCert.Server.Acme;
using RosCert.Server.Crl;
using RosCert.Server.Rest;
using RosCert.Server.Scep;

namespace RosCert.Host.Daemon;

/// <summary>
/// <c>www</c> and <c>www-ssl</c> on Kestrel: the REST API at <c>/rest</c> (and, as later work adds
/// them, CRLs, SCEP and ACME challenges). www-ssl picks its certificate at each handshake from
/// <see cref="CertificateCache"/>, so a re-assigned or renewed certificate needs no restart;
/// <c>tls-version=any</c> means TLS 1.2 and 1.3.
/// </summary>
public sealed class WebService : IRunningService
{
    private static readonly TimeSpan s_drain = TimeSpan.FromSeconds(5);
    private readonly WebApplication _app;

    private WebService(ServiceConfig config, WebApplication app)
    {
        Config = config;
        _app = app;
    }

    public ServiceConfig Config { get; }

    public static async Task<WebService> StartAsync(ServiceConfig config, Func<ServiceConfig> current, DaemonContext context)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1 << 20;
            kestrel.Limits.MaxConcurrentConnections = 1000;
            kestrel.Listen(config.ListenAddress, config.Port, listen => Configure(listen, config, current, context));
        });
        WebApplication app = builder.Build();
        app.MapScep(context.Environment);
        app.MapScepRa(context.Environment);
        app.MapRest(context.Environment, context.Authenticator);
        if (!config.IsTls)
        {
            app.MapCrl(context.Environment);
            app.MapAcmeChallenge(context.Environment.Store);
        }
        await app.StartAsync().ConfigureAwait(false);
        return new WebService(config, app);
    }

    private static void Configure(ListenOptions listen, ServiceConfig config, Func<ServiceConfig> current, DaemonContext context)
    {
        // The address property: connections from other networks are dropped before any byte is read.
        listen.Use(next => connection =>
        {
            if (!current().Allows((connection.RemoteEndPoint as IPEndPoint)?.Address))
            {
                connection.Abort();
                return Task.CompletedTask;
            }

            return next(connection);
        });
        if (!config.IsTls)
        {
            return;
        }

        // Chosen per connection: the certificate assigned now, sent with its issuers.
        listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = _ =>
            {
                ServiceConfig now = current();
                ServerCertificate certificate = (now.Certificate is { } name ? context.Certificates.Get(name) : null)
                    ?? throw new AuthenticationException("www-ssl has no certificate");
                return ValueTask.FromResult(new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = SslStreamCertificateContext.Create(certificate.Certificate, certificate.Issuers),
                    EnabledSslProtocols = now.Tls12Only ? SslProtocols.Tls12 : SslProtocols.Tls12 | SslProtocols.Tls13,
                    CipherSuitesPolicy = TlsPolicy.CipherSuites,
                });
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        using var drain = new CancellationTokenSource(s_drain);
        await _app.StopAsync(drain.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

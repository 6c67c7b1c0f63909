using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using RosCert.Server.Api;

namespace RosCert.Host.Daemon;

/// <summary>
/// <c>api</c> and <c>api-ssl</c>: the RouterOS binary API on a TCP listener; api-ssl wraps each
/// connection in TLS with the certificate assigned at that moment. A connection that breaks the
/// framing is closed alone; the listener keeps running.
/// </summary>
public sealed class ApiService : IRunningService
{
    private static readonly TimeSpan s_drain = TimeSpan.FromSeconds(5);
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();

    private ApiService(ServiceConfig config, TcpListener listener, Func<ServiceConfig> current, DaemonContext context)
    {
        Config = config;
        _listener = listener;
        _accepting = AcceptAsync(current, context);
    }

    public ServiceConfig Config { get; }

    public static ApiService Start(ServiceConfig config, Func<ServiceConfig> current, DaemonContext context)
    {
        var listener = new TcpListener(config.ListenAddress, config.Port);
        if (config.ListenAddress.Equals(IPAddress.IPv6Any))
        {
            listener.Server.DualMode = true;
        }

        listener.Start();
        return new ApiService(config, listener, current, context);
    }

    private async Task AcceptAsync(Func<ServiceConfig> current, DaemonContext context)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            IPAddress? remote = (client.Client.RemoteEndPoint as IPEndPoint)?.Address;
            if (!current().Allows(remote))
            {
                client.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(ServeAsync(client, remote!, current, context));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, IPAddress remote, Func<ServiceConfig> current, DaemonContext context)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (Config.IsTls)
                {
                    stream = await AuthenticateAsync(stream, current(), context).ConfigureAwait(false);
                }

                await using (stream.ConfigureAwait(false))
                {
                    await ApiConnection.RunAsync(stream, remote, context.Environment, context.Authenticator, _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception error) when (error is IOException or AuthenticationException or OperationCanceledException or SocketException)
            {
                context.Log.Info(Config.Name, $"connection from {remote} closed: {error.Message}");
            }
        }
    }

    private static async Task<Stream> AuthenticateAsync(Stream stream, ServiceConfig config, DaemonContext context)
    {
        ServerCertificate certificate = (config.Certificate is { } name ? context.Certificates.Get(name) : null)
            ?? throw new AuthenticationException("no certificate assigned");
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(certificate.Certificate, certificate.Issuers),
            EnabledSslProtocols = config.Tls12Only ? SslProtocols.Tls12 : SslProtocols.Tls12 | SslProtocols.Tls13,
            CipherSuitesPolicy = TlsPolicy.CipherSuites,
        }).ConfigureAwait(false);
        return tls;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        Task[] open;
        lock (_gate)
        {
            open = [.. _connections, _accepting];
        }

        await Task.WhenAll(open).WaitAsync(s_drain).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _stop.Dispose();
    }
}

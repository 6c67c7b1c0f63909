using System.Net;
using System.Net.Sockets;
using RosCert.Commands.Menus.Users;
using RosCert.Server.Api;
using RosCert.Tests.Support;

namespace RosCert.Tests.Api;

/// <summary>A TcpListener on 127.0.0.1:0 that runs <see cref="ApiConnection"/> for each client over a test console's store.</summary>
internal sealed class ApiTestServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ApiTestServer()
    {
        Authenticator = new UserAuthenticator(Console.Environment, _ => { });
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public TestConsole Console { get; } = new();

    public UserAuthenticator Authenticator { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ApiTestClient Connect() => new(Port);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var remote = ((IPEndPoint)client.Client.RemoteEndPoint!).Address;
            await ApiConnection.RunAsync(client.GetStream(), remote, Console.Environment, Authenticator, _stop.Token);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _accepting.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
        Console.Dispose();
    }
}

/// <summary>A minimal API client: writes sentences, reads reply sentences until <c>!done</c> or <c>!fatal</c>.</summary>
internal sealed class ApiTestClient : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly ApiSentenceReader _reader;

    public ApiTestClient(int port)
    {
        _client = new TcpClient();
        _client.Connect(IPAddress.Loopback, port);
        _stream = _client.GetStream();
        _stream.ReadTimeout = 10_000;
        _reader = new ApiSentenceReader(_stream);
    }

    public void Send(params string[] words) => _stream.Write(ApiWords.EncodeSentence(words));

    public void SendRaw(byte[] bytes) => _stream.Write(bytes);

    /// <summary>The next reply sentence; null when the server closed the connection.</summary>
    public IReadOnlyList<string>? Read()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return _reader.ReadSentenceAsync(ApiLimits.Default, timeout.Token).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Sends a command and returns every reply sentence up to and including <c>!done</c> (or <c>!fatal</c>).</summary>
    public List<IReadOnlyList<string>> Call(params string[] words)
    {
        Send(words);
        var replies = new List<IReadOnlyList<string>>();
        while (Read() is { } reply)
        {
            replies.Add(reply);
            if (reply[0] is "!done" or "!fatal")
            {
                break;
            }
        }

        return replies;
    }

    public void Login(string user = "admin", string password = "")
    {
        List<IReadOnlyList<string>> replies = Call("/login", "=name=" + user, "=password=" + password);
        if (replies is not [["!done"]])
        {
            throw new InvalidOperationException("login failed: " + string.Join(" | ", replies.Select(r => string.Join(' ', r))));
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RosCert.Tests.Revocation;

/// <summary>
/// A one-purpose HTTP/1.1 server on 127.0.0.1 for CRL download tests: answers every request with the
/// given body (200, application/pkix-crl), or with <c>body == null</c> accepts and never answers.
/// </summary>
internal sealed class LoopbackHttp : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _loop;

    public LoopbackHttp(byte[]? body)
    {
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(body));
    }

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{path}";

    public int Requests { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        foreach (TcpClient client in _held)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(byte[]? body)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Requests++;
            if (body is null)
            {
                _held.Add(client); // never answers
                continue;
            }

            using (client)
            {
                NetworkStream stream = client.GetStream();
                await ReadHeadAsync(stream);
                byte[] head = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 200 OK\r\nContent-Type: application/pkix-crl\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head);
                await stream.WriteAsync(body);
            }
        }
    }

    private static async Task ReadHeadAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        byte[] one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            seen.Add(one[0]);
            if (seen.Count >= 4 && seen[^4] == '\r' && seen[^3] == '\n' && seen[^2] == '\r' && seen[^1] == '\n')
            {
                return;
            }
        }
    }
}

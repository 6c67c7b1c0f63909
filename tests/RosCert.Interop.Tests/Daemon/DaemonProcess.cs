using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace RosCert.Interop.Tests.Daemon;

/// <summary>
/// <c>roscert serve</c> as a real process on a data dir shared with <see cref="RosCertProcess"/>
/// (the console), with its services moved to free loopback ports first.
/// </summary>
internal sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringWriter _log = new();

    public DaemonProcess(RosCertProcess console, string extraSetup = "")
    {
        Console = console;
        WwwPort = FreePort();
        WwwSslPort = FreePort();
        ApiPort = FreePort();
        ApiSslPort = FreePort();
        console.Script($"""
            /user set admin password=pw
            /ip service set www port={WwwPort} listen-address=127.0.0.1
            /ip service set www-ssl port={WwwSslPort} listen-address=127.0.0.1
            /ip service set api port={ApiPort} listen-address=127.0.0.1
            /ip service set api-ssl port={ApiSslPort} listen-address=127.0.0.1
            {extraSetup}
            """);
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "roscert"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(console.DataDirectory);
        start.ArgumentList.Add("serve");
        start.Environment["ROSCERT_MASTER_KEY_FILE"] = Path.Combine(console.Root, "master.key");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitFor(() => Listening(WwwPort), "www to listen");
        // api starts after www; on a loaded machine clients could come too early. Its first log line says
        // it listens or why it cannot (a test may give it a port in use on purpose).
        WaitFor(() => Log.Contains("\"topic\":\"api\"", StringComparison.Ordinal), "api to start");
    }

    public RosCertProcess Console { get; }

    public int WwwPort { get; }

    public int WwwSslPort { get; }

    public int ApiPort { get; }

    public int ApiSslPort { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public string Rest(string path) => $"http://127.0.0.1:{WwwPort}/rest/{path}";

    /// <summary>Sends SIGTERM and returns the exit status.</summary>
    public int Terminate()
    {
        Peer.Ok("kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(20)), "daemon did not stop after SIGTERM:\n" + Log);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the daemon gets no chance to drain, flush or roll back.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void WaitFor(Func<bool> condition, string what, int seconds = 30)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds) && !_process.HasExited, $"timed out waiting for {what}:\n{Log}");
            Thread.Sleep(100);
        }
    }

    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

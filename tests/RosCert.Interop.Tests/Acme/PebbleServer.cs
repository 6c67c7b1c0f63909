using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using RosCert.Interop.Tests.Daemon;
using Xunit;

namespace RosCert.Interop.Tests.Acme;

/// <summary>
/// pebble (Debian package) on free loopback ports, with its own TLS certificate and a config with
/// absolute paths, as docs/interop.md describes. Nonce rejection stays at pebble's default 5%.
/// </summary>
internal sealed class PebbleServer : IDisposable
{
    private readonly Process _process;
    private readonly StringWriter _log = new();

    public PebbleServer(int httpPort, bool strict = false, IReadOnlyDictionary<string, string>? eabKeys = null, int? dnsPort = null)
    {
        Root = Directory.CreateTempSubdirectory("roscert-pebble-").FullName;
        TlsCertificate = Path.Combine(Root, "tls.crt");
        string key = Path.Combine(Root, "tls.key");
        Peer.Ok("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", TlsCertificate,
            "-days", "30", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        Port = FreePort();
        ManagementPort = FreePort();
        HttpPort = httpPort;
        string eab = eabKeys is null
            ? "\"externalAccountBindingRequired\":false"
            : "\"externalAccountBindingRequired\":true,\"externalAccountMACKeys\":{" + string.Join(",", eabKeys.Select(k => $"\"{k.Key}\":\"{k.Value}\"")) + "}";
        string config = Path.Combine(Root, "pebble.json");
        int tlsPort = FreePort();
        File.WriteAllText(config,
            $"{{\"pebble\":{{\"listenAddress\":\"127.0.0.1:{Port}\",\"managementListenAddress\":\"127.0.0.1:{ManagementPort}\","
            + $"\"certificate\":\"{TlsCertificate}\",\"privateKey\":\"{key}\",\"httpPort\":{httpPort},\"tlsPort\":{tlsPort},{eab}}}}}");
        var start = new ProcessStartInfo("/usr/bin/pebble") { RedirectStandardOutput = true, RedirectStandardError = true };
        Assert.True(File.Exists(start.FileName), "peer pebble is not installed; tests/run installs it (see its peers list)");
        start.ArgumentList.Add("-config");
        start.ArgumentList.Add(config);
        start.ArgumentList.Add("-strict=" + (strict ? "true" : "false"));
        if (dnsPort is { } dns)
        {
            start.ArgumentList.Add("-dnsserver");
            start.ArgumentList.Add("127.0.0.1:" + dns.ToString(CultureInfo.InvariantCulture));
        }

        start.Environment["PEBBLE_VA_NOSLEEP"] = "1";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        while (!DaemonProcess.Listening(Port) || !DaemonProcess.Listening(ManagementPort))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited, "pebble did not start:\n" + Log);
            Thread.Sleep(100);
        }
    }

    public string Root { get; }

    public int Port { get; }

    public int ManagementPort { get; }

    public int HttpPort { get; }

    /// <summary>pebble's own TLS certificate (self-signed, localhost and 127.0.0.1): what RosCert imports as trusted.</summary>
    public string TlsCertificate { get; }

    public string DirectoryUrl => $"https://127.0.0.1:{Port}/dir";

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

    /// <summary>Downloads the issuing root (<c>/roots/0</c>, new at every start) into a PEM file.</summary>
    public string Root0()
    {
        string path = Path.Combine(Root, "root0.pem");
        Peer.Ok("curl", "-sS", "--fail", "--cacert", TlsCertificate, "-o", path, $"https://127.0.0.1:{ManagementPort}/roots/0");
        return path;
    }

    /// <summary>A random 32-byte HMAC key in base64url, as pebble's config wants.</summary>
    public static string NewMacKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Copies pebble's TLS certificate into RosCert's files area and imports it as trusted.</summary>
    public void TrustIn(RosCertProcess console)
    {
        Directory.CreateDirectory(console.FilesDirectory);
        File.Copy(TlsCertificate, console.File("pebble-tls.crt"), overwrite: true);
        console.Script("/certificate import file-name=pebble-tls.crt trusted=yes\n");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(Root, recursive: true);
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
}

using Xunit;

namespace RosCert.Interop.Tests.Daemon;

/// <summary>
/// The TLS faces of the daemon (issue 10): <c>www-ssl</c> and <c>api-ssl</c> refuse TLS 1.0/1.1,
/// negotiate only AEAD suites with TLS 1.2 (no CBC, RC4, 3DES, NULL or EXPORT), and offer TLS 1.3
/// with <c>tls-version=any</c> but not with <c>only-1.2</c>. The client is openssl s_client with
/// its own security level lowered, so a refusal comes from the daemon, not from the client.
/// </summary>
public sealed class TlsPolicyTests
{
    private const string WeakSuites = "ALL:COMPLEMENTOFALL:!AESGCM:!CHACHA20:!AESCCM:!ARIAGCM@SECLEVEL=0";

    [Theory]
    [InlineData("www-ssl")]
    [InlineData("api-ssl")]
    public void Old_protocols_and_weak_suites_are_refused_and_tls13_follows_tls_version(string service)
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console, $"""
            add name=ca common-name=CA key-usage=key-cert-sign,crl-sign
            sign ca
            add name=srv common-name=localhost subject-alt-name=DNS:localhost key-usage=digital-signature,key-encipherment,tls-server
            sign srv ca=ca
            /ip service set {service} certificate=srv disabled=no
            """);
        int port = service == "www-ssl" ? daemon.WwwSslPort : daemon.ApiSslPort;
        daemon.WaitFor(() => DaemonProcess.Listening(port), service + " to listen");

        Assert.Null(Negotiated(port, "-tls1", "-cipher", "ALL@SECLEVEL=0"));
        Assert.Null(Negotiated(port, "-tls1_1", "-cipher", "ALL@SECLEVEL=0"));
        Assert.Null(Negotiated(port, "-tls1_2", "-cipher", WeakSuites));
        string? tls12 = Negotiated(port, "-tls1_2", "-cipher", "ALL:COMPLEMENTOFALL@SECLEVEL=0");
        Assert.NotNull(tls12);
        Assert.Matches("GCM|CHACHA20", tls12);
        Assert.StartsWith("TLS_", Negotiated(port, "-tls1_3"), StringComparison.Ordinal);

        console.Script($"/ip service set {service} tls-version=only-1.2");
        daemon.WaitFor(() => Negotiated(port, "-tls1_3") is null, service + " to drop TLS 1.3");
        Assert.NotNull(Negotiated(port, "-tls1_2"));
    }

    /// <summary>The cipher suite s_client agreed on, or null when the handshake failed.</summary>
    private static string? Negotiated(int port, params string[] options)
    {
        Peer.Result result = Peer.Run("openssl", ["s_client", "-connect", $"127.0.0.1:{port}", "-servername", "localhost", .. options], input: "", timeoutSeconds: 20);
        string? line = result.Output.Split('\n').FirstOrDefault(l => l.Contains("Cipher is ", StringComparison.Ordinal));
        string? cipher = line?[(line.IndexOf("Cipher is ", StringComparison.Ordinal) + 10)..].Trim();
        return cipher is null or "(NONE)" ? null : cipher;
    }
}

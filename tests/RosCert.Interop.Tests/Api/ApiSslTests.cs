using RosCert.Interop.Tests.Daemon;
using Xunit;

namespace RosCert.Interop.Tests.Api;

/// <summary>
/// <c>api-ssl</c> of the daemon (issue 5): librouteros logs in over TLS, verifying the certificate the
/// service was given against the exported CA; <c>tls-version=only-1.2</c> is honoured; the service
/// stays down while it has no certificate.
/// </summary>
public sealed class ApiSslTests
{
    private const string DebianPython = "/usr/bin/python3";

    [Fact]
    public void Librouteros_logs_in_over_tls_and_the_service_follows_its_settings()
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console, """
            add name=ca common-name=CA key-usage=key-cert-sign,crl-sign
            sign ca
            add name=api common-name=localhost subject-alt-name=DNS:localhost key-usage=digital-signature,key-encipherment,tls-server
            sign api ca=ca
            export-certificate ca
            """);
        Assert.Contains("disabled", console.Script("/ip service print detail where name=api-ssl"), StringComparison.Ordinal);
        Assert.False(DaemonProcess.Listening(daemon.ApiSslPort));

        console.Script("/ip service set api-ssl certificate=api disabled=no");
        daemon.WaitFor(() => DaemonProcess.Listening(daemon.ApiSslPort), "api-ssl to listen");
        string output = Login(console, daemon);
        Assert.Contains("tls: TLSv1.3", output, StringComparison.Ordinal);
        Assert.Contains("served: " + console.Script(":put [get api fingerprint]").Trim(), output, StringComparison.Ordinal);
        Assert.Contains("print: api", output, StringComparison.Ordinal);
        Assert.EndsWith("done\n", output, StringComparison.Ordinal);

        console.Script("/ip service set api-ssl tls-version=only-1.2");
        daemon.WaitFor(() => Login(console, daemon).Contains("tls: TLSv1.2", StringComparison.Ordinal), "api-ssl to offer TLS 1.2 only", seconds: 10);
    }

    private static string Login(RosCertProcess console, DaemonProcess daemon)
    {
        string script = LibrouterosTests.ScriptPath("librouteros_tls_client.py");
        Peer.Result result = Peer.Run(DebianPython, [script, daemon.ApiSslPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "admin", "pw", console.File("cert_export_ca.crt")], timeoutSeconds: 60);
        Assert.True(result.ExitCode == 0, result.All);
        return result.Output;
    }
}

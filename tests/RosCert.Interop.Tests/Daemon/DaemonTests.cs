using Xunit;

namespace RosCert.Interop.Tests.Daemon;

/// <summary>The daemon as a user meets it: curl on REST, TLS on www-ssl, the scheduler, SIGTERM (issue 5).</summary>
public sealed class DaemonTests
{
    [Fact]
    public void Rest_changes_and_console_changes_are_seen_by_each_other()
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console);

        Peer.Result put = Peer.Ok("curl", "-sS", "-u", "admin:pw", "-X", "PUT", "-H", "content-type: application/json",
            "-d", """{"name":"srv","common-name":"srv.test","key-usage":"digital-signature,tls-server"}""", daemon.Rest("certificate"));
        Assert.Contains("\"name\":\"srv\"", put.Output, StringComparison.Ordinal);
        Peer.Ok("curl", "-sS", "-u", "admin:pw", "-X", "POST", "-H", "content-type: application/json", "-d", """{"number":"srv"}""", daemon.Rest("certificate/sign"));
        Peer.Ok("curl", "-sS", "-u", "admin:pw", "-X", "PATCH", "-H", "content-type: application/json", "-d", """{"trusted":"no"}""", daemon.Rest("certificate/srv"));
        Assert.Equal("false\ntrue\n", console.Script(":put [get srv trusted]\n:put [get srv private-key]\n"));

        console.Script("add name=from-console common-name=c");
        Assert.Contains("from-console", Peer.Ok("curl", "-sS", "-u", "admin:pw", daemon.Rest("certificate")).Output, StringComparison.Ordinal);

        Peer.Ok("curl", "-sS", "-u", "admin:pw", "-X", "DELETE", daemon.Rest("certificate/from-console"));
        Assert.Equal("1\n", console.Script("print count-only"));

        Assert.Equal("401", Peer.Ok("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:wrong", daemon.Rest("certificate")).Output);
        Assert.Equal("404", Peer.Ok("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:pw", daemon.Rest("certificate/*99")).Output);
        Peer.Result bad = Peer.Ok("curl", "-s", "-w", "%{http_code}", "-u", "admin:pw", "-X", "PUT", "-H", "content-type: application/json", "-d", """{"name":"t","key-size":"3000"}""", daemon.Rest("certificate"));
        Assert.EndsWith("400", bad.Output, StringComparison.Ordinal);
        Assert.Contains("input does not match any value of key-size", bad.Output, StringComparison.Ordinal);
        Assert.Equal(0, daemon.Terminate());
    }

    [Fact]
    public void Www_ssl_serves_the_assigned_certificate_and_follows_a_reassignment()
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console, """
            add name=ca common-name=CA key-usage=key-cert-sign,crl-sign
            sign ca
            add name=one common-name=localhost subject-alt-name=DNS:localhost key-usage=digital-signature,key-encipherment,tls-server
            sign one ca=ca
            add name=two common-name=localhost subject-alt-name=DNS:localhost key-usage=digital-signature,key-encipherment,tls-server
            sign two ca=ca
            export-certificate ca
            /ip service set www-ssl certificate=one disabled=no
            """);
        string ca = console.File("cert_export_ca.crt");
        string url = $"https://localhost:{daemon.WwwSslPort}/rest/system/identity";
        daemon.WaitFor(() => DaemonProcess.Listening(daemon.WwwSslPort), "www-ssl to listen");
        Assert.Contains("RosCert", Peer.Ok("curl", "-sS", "--cacert", ca, "-u", "admin:pw", url).Output, StringComparison.Ordinal);
        Assert.Equal(Fingerprint(console, "one"), Served(daemon));

        console.Script("/ip service set www-ssl certificate=two");
        daemon.WaitFor(() => Served(daemon) == Fingerprint(console, "two"), "the new certificate to be served", seconds: 10);
        Assert.Contains("RosCert", Peer.Ok("curl", "-sS", "--cacert", ca, "-u", "admin:pw", url).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheduler_entry_runs_its_script()
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console, """
            /system script add name=mk source="/certificate add name=(\"made\" . [:len [/certificate find]]) common-name=x"
            /system scheduler add name=every2s interval=2s on-event=mk
            """);
        daemon.WaitFor(() => console.Script("print count-only") != "0\n", "the scheduled script to add a template");
        Assert.Contains("made0", console.Script("print proplist=name"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_that_cannot_be_bound_is_reported_and_the_other_services_keep_running()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console, $"/ip service set api port={port}");
        daemon.WaitFor(() => console.Script(":put [/ip service get api status]").StartsWith("error: cannot listen on port", StringComparison.Ordinal), "api to report its port");
        Assert.Equal("running\n", console.Script(":put [/ip service get www status]"));
        Assert.Contains("\"level\":\"error\",\"topic\":\"api\"", daemon.Log, StringComparison.Ordinal);
    }

    private static string Fingerprint(RosCertProcess console, string name) => console.Script($":put [get {name} fingerprint]").Trim();

    private static string Served(DaemonProcess daemon)
    {
        string pem = Peer.Run("openssl", ["s_client", "-connect", $"127.0.0.1:{daemon.WwwSslPort}", "-servername", "localhost"], input: "").Output;
        Peer.Result fingerprint = Peer.Run("openssl", ["x509", "-noout", "-fingerprint", "-sha256"], input: pem);
        return fingerprint.ExitCode == 0 ? fingerprint.Output.Trim().Split('=')[1].Replace(":", "", StringComparison.Ordinal).ToLowerInvariant() : "";
    }
}

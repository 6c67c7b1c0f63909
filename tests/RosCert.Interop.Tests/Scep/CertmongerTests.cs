using Xunit;

namespace RosCert.Interop.Tests.Scep;

/// <summary>
/// certmonger (issue 7) enrols with RosCert's SCEP server: at once with an OTP, and without one after
/// <c>/certificate/scep-server/requests grant</c>. certmonger runs on a private session bus
/// (<c>dbus-run-session</c>); the CA it is given with <c>-N</c> is the SCEP CA (no RA configured).
/// Its state lives in /var/lib/certmonger whatever the bus, so each flow removes what it added.
/// </summary>
public sealed class CertmongerTests
{
    [Fact]
    public void Certmonger_enrols_with_an_otp()
    {
        using var setup = new ScepServerSetup();
        string id = "roscert-otp-" + Guid.NewGuid().ToString("N")[..8];
        string certificate = setup.Path("cm.pem");

        Peer.Result result = RunFlow(setup, id, $"""
            getcert request -s -c {id} -f {certificate} -k {setup.Path("cm.key")} -L {setup.Otp()} -N CN=certmonger-otp -I {id} -w
            getcert list -s -i {id}
            """);

        Assert.True(File.Exists(certificate), result.All + setup.Daemon.Log);
        Assert.Contains("status: MONITORING", result.Output, StringComparison.Ordinal);
        PeerVerify.OpenSsl(setup.CaPath, certificate);
    }

    [Fact]
    public async Task Certmonger_without_otp_waits_until_the_request_is_granted()
    {
        using var setup = new ScepServerSetup();
        string id = "roscert-wait-" + Guid.NewGuid().ToString("N")[..8];
        string certificate = setup.Path("cm-wait.pem");
        string granted = setup.Path("granted");

        Task<Peer.Result> flow = Task.Run(() => RunFlow(setup, id, $"""
            getcert request -s -c {id} -f {certificate} -k {setup.Path("cm-wait.key")} -N CN=certmonger-wait -I {id}
            for i in $(seq 240); do [ -f {granted} ] && break; sleep 0.5; done
            getcert resubmit -s -i {id}
            for i in $(seq 60); do getcert list -s -i {id} | grep -q 'status: MONITORING' && break; sleep 1; done
            getcert list -s -i {id}
            """));

        string requests = "";
        for (int i = 0; i < 120 && !requests.Contains("pending", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
            requests = setup.Console.Script("/certificate scep-server requests print");
        }

        Assert.Contains("certmonger-wait", requests, StringComparison.Ordinal);
        Assert.False(File.Exists(certificate));
        setup.Console.Script("/certificate scep-server requests grant [find where status=pending]");
        File.WriteAllText(granted, "");

        Peer.Result result = await flow;
        Assert.True(File.Exists(certificate), result.All + setup.Daemon.Log);
        Assert.Contains("status: MONITORING", result.Output, StringComparison.Ordinal);
        PeerVerify.OpenSsl(setup.CaPath, certificate);
        Assert.Contains("issued", setup.Console.Script("/certificate scep-server requests print"), StringComparison.Ordinal);
    }

    /// <summary>Adds the SCEP CA, runs <paramref name="steps"/>, then always removes the request and the CA again.</summary>
    private static Peer.Result RunFlow(ScepServerSetup setup, string id, string steps)
    {
        string script = setup.Path(id + ".sh");
        File.WriteAllText(script, $"""
            trap 'getcert stop-tracking -s -i {id} >/dev/null 2>&1; getcert remove-ca -s -c {id} >/dev/null 2>&1' EXIT
            getcert add-scep-ca -s -c {id} -u {setup.Url} -N {setup.CaPath}
            {steps}
            """);
        return Peer.Run("dbus-run-session", ["--", "certmonger", "-s", "-n", "-c", "bash " + script], timeoutSeconds: 240);
    }
}

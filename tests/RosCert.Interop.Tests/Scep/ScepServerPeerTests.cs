using Xunit;

namespace RosCert.Interop.Tests.Scep;

/// <summary>
/// RosCert's SCEP client (<c>add-scep</c>) against micromdm <c>scepserver</c> (issue 7). scepserver
/// listens on every interface, so it and the client run in a private network namespace with only
/// loopback (<c>unshare -n</c>, as root).
/// </summary>
public sealed class ScepServerPeerTests
{
    [Fact]
    public void Roscert_enrols_with_micromdm_scepserver_once_its_ca_is_trusted()
    {
        using var console = new RosCertProcess();
        console.Script("/certificate print");
        string roscert = Path.Combine(AppContext.BaseDirectory, "roscert");
        string script = Path.Combine(console.Root, "mdm.sh");
        File.WriteAllText(script, $$"""
            set -e
            ip link set lo up
            cd {{console.Root}}
            scepserver ca -init -depot depot -keySize 2048 >/dev/null
            scepserver -depot depot -port 8090 -challenge secret > scepserver.log 2>&1 &
            trap "kill $!" EXIT
            for i in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/8090) 2>/dev/null && break; sleep 0.1; done
            cp depot/ca.pem {{console.FilesDirectory}}/mdm-ca.pem
            export ROSCERT_MASTER_KEY_FILE={{console.Root}}/master.key
            {{roscert}} --data-dir {{console.DataDirectory}} <<'RSC'
            /certificate add name=early common-name=early
            /certificate add-scep template=early scep-url="http://127.0.0.1:8090/scep" challenge-password=secret
            /certificate import file-name=mdm-ca.pem
            /certificate add name=device common-name=mdm-client
            /certificate add-scep template=device scep-url="http://127.0.0.1:8090/scep" challenge-password=secret
            /certificate print detail where name=device
            /certificate export-certificate device
            RSC
            """);

        Peer.Result result = Peer.Run("unshare", ["-n", "bash", script], timeoutSeconds: 120);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("waiting for trust in CA", result.Output, StringComparison.Ordinal);
        Assert.Contains("status: issued", result.Output, StringComparison.Ordinal);
        Assert.Contains("status=issued", result.Output, StringComparison.Ordinal);
        PeerVerify.OpenSsl(Path.Combine(console.Root, "depot", "ca.pem"), console.File("cert_export_device.crt"));
    }
}

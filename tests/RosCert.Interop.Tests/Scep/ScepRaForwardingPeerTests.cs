using RosCert.Interop.Tests.Daemon;
using Xunit;

namespace RosCert.Interop.Tests.Scep;

/// <summary>
/// The forwarding RA <c>/certificate/scep-server/ra</c> (issue 7, decision 0060): real SCEP clients
/// enrol through a RosCert RA daemon whose upstream is a second RosCert daemon; the certificate
/// they get is checked by openssl against the upstream CA.
/// </summary>
public sealed class ScepRaForwardingPeerTests
{
    [Fact]
    public void StrongSwan_pki_enrols_through_a_roscert_ra_to_a_roscert_upstream()
    {
        using var upstream = new ScepServerSetup();
        using var branch = new BranchRa(upstream);
        string key = branch.Path("swan.key");
        string certificate = branch.Path("swan.pem");
        File.WriteAllText(key, Peer.Ok("openssl", "genrsa", "2048").Output);

        Peer.Result result = Peer.Run("pki", ["--scep", "--url", branch.Url, "--in", key, "--dn", "CN=swan-through-ra", "--password", upstream.Otp(),
            "--cacert-enc", branch.RaCertificatePath, "--cacert-sig", branch.RaCertificatePath, "--cacert", upstream.CaPath,
            "--cipher", "aes", "--digest", "sha256", "--outform", "pem"], timeoutSeconds: 120);

        Assert.True(result.ExitCode == 0, result.All + branch.Daemon.Log + upstream.Daemon.Log);
        File.WriteAllText(certificate, result.Output);
        PeerVerify.OpenSsl(upstream.CaPath, certificate);
        Assert.Contains("swan-through-ra", upstream.Console.Script("/certificate print where issued"), StringComparison.Ordinal);
        Assert.Contains("issued", branch.Console.Script("/certificate scep-server requests print where authority=branch"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A second RosCert that trusts the upstream CA, has enrolled its RA certificate there with an
    /// upstream OTP (<c>renew</c>), and serves the RA at <c>/scep/ra</c> on its own daemon.
    /// </summary>
    private sealed class BranchRa : IDisposable
    {
        public BranchRa(ScepServerSetup upstream)
        {
            Console = new RosCertProcess();
            Console.Script("/certificate print");
            File.Copy(upstream.CaPath, Console.File("upstream-ca.crt"));
            string output = Console.Script($"""
                /certificate import file-name=upstream-ca.crt
                /certificate add name=ra-cert common-name="Branch RA" key-size=2048 key-usage=digital-signature,key-encipherment
                /certificate scep-server ra add name=branch server-url="{upstream.Url}" template=ra-cert challenge-password={upstream.Otp()} ra-path=/scep/ra
                /certificate scep-server ra renew branch
                /certificate scep-server ra print detail
                /certificate export-certificate ra-cert
                """);
            Assert.True(output.Contains("status=idle", StringComparison.Ordinal), output + upstream.Daemon.Log);
            RaCertificatePath = Console.File("cert_export_ra-cert.crt");
            Daemon = new DaemonProcess(Console);
        }

        public RosCertProcess Console { get; }

        public DaemonProcess Daemon { get; }

        public string RaCertificatePath { get; }

        public string Url => $"http://127.0.0.1:{Daemon.WwwPort}/scep/ra";

        public string Path(string name) => System.IO.Path.Combine(Console.Root, name);

        public void Dispose()
        {
            Daemon.Dispose();
            Console.Dispose();
        }
    }
}

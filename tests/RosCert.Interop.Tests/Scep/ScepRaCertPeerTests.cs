using RosCert.Interop.Tests.Daemon;
using Xunit;

namespace RosCert.Interop.Tests.Scep;

/// <summary>
/// RosCert extra <c>ra-cert=</c> (issue 7, decision 0021): an EC CA serves strongSwan <c>pki --scep</c>,
/// which only knows RSA recipients and signers, through an RSA RA certificate.
/// </summary>
public sealed class ScepRaCertPeerTests
{
    [Fact]
    public void StrongSwan_pki_enrols_through_an_rsa_ra_of_an_ec_ca()
    {
        using var console = new RosCertProcess();
        console.Script("""
            /certificate add name=ca common-name="EC SCEP CA" key-size=prime256v1 key-usage=key-cert-sign,crl-sign
            /certificate sign ca
            /certificate add name=ra common-name="SCEP RA" key-size=2048 key-usage=digital-signature,key-encipherment
            /certificate sign ra ca=ca
            /certificate export-certificate ca
            /certificate export-certificate ra
            /certificate scep-server add ca-cert=ca path=/scep/ec ra-cert=ra
            """);
        using var daemon = new DaemonProcess(console);
        string url = $"http://127.0.0.1:{daemon.WwwPort}/scep/ec";
        string caPath = console.File("cert_export_ca.crt");
        string raPath = console.File("cert_export_ra.crt");
        string key = Path.Combine(console.Root, "swan.key");
        string certificate = Path.Combine(console.Root, "swan.pem");
        File.WriteAllText(key, Peer.Ok("openssl", "genrsa", "2048").Output);
        string otp = console.Script(":put [/certificate scep-server otp generate as-value]").Trim();

        Peer.Result result = Peer.Run("pki", ["--scep", "--url", url, "--in", key, "--dn", "CN=swan-behind-ra", "--password", otp,
            "--cacert-enc", raPath, "--cacert-sig", raPath, "--cacert", caPath, "--cipher", "aes", "--digest", "sha256", "--outform", "pem"], timeoutSeconds: 120);

        Assert.True(result.ExitCode == 0, result.All + daemon.Log);
        File.WriteAllText(certificate, result.Output);
        PeerVerify.OpenSsl(caPath, certificate);
        Assert.Contains("ecdsa-with-SHA256", Peer.Ok("openssl", "x509", "-in", certificate, "-noout", "-text").Output, StringComparison.Ordinal);
    }
}

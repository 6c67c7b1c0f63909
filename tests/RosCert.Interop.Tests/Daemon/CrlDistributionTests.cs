using Xunit;

namespace RosCert.Interop.Tests.Daemon;

/// <summary>
/// Revocation end to end (issue 6): a CA with <c>ca-crl-host</c> issues two leaves, one is revoked,
/// the daemon serves the CRL at the URL in the leaves' CDP, and openssl, certtool and pki agree.
/// </summary>
public sealed class CrlDistributionTests
{
    [Fact]
    public void The_crl_in_the_cdp_verifies_and_tells_the_revoked_leaf_from_the_good_one()
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console);
        console.Script($"""
            add name=ca common-name="CRL CA" key-usage=key-cert-sign,crl-sign
            sign ca ca-crl-host=127.0.0.1:{daemon.WwwPort}
            add name=good common-name=good key-usage=digital-signature,tls-client
            sign good ca=ca
            add name=bad common-name=bad key-usage=digital-signature,tls-client
            sign bad ca=ca
            issued-revoke bad reason=key-compromise
            export-certificate ca
            export-certificate good
            export-certificate bad
            """);
        string ca = console.File("cert_export_ca.crt");
        string good = console.File("cert_export_good.crt");
        string bad = console.File("cert_export_bad.crt");
        string url = Peer.Ok("openssl", "x509", "-noout", "-ext", "crlDistributionPoints", "-in", good).Output.Split("URI:")[1].Trim();
        Assert.StartsWith($"http://127.0.0.1:{daemon.WwwPort}/crl/", url, StringComparison.Ordinal);

        string der = Path.Combine(console.Root, "ca.crl");
        string headers = Peer.Ok("curl", "-sS", "-D", "-", "-o", der, url).Output;
        Assert.Contains("content-type: application/pkix-crl", headers.ToLowerInvariant(), StringComparison.Ordinal);
        string etag = headers.Split('\n').First(l => l.StartsWith("etag:", StringComparison.OrdinalIgnoreCase))[5..].Trim();
        Assert.Equal("304", Peer.Ok("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "If-None-Match: " + etag, url).Output);
        Assert.Equal("404", Peer.Ok("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url.Replace("/crl/", "/crl/00", StringComparison.Ordinal)).Output);

        Assert.Contains("verify OK", Peer.Ok("openssl", "crl", "-inform", "DER", "-in", der, "-noout", "-verify", "-CAfile", ca).All, StringComparison.Ordinal);
        string pem = Path.Combine(console.Root, "ca.crl.pem");
        Peer.Ok("openssl", "crl", "-inform", "DER", "-in", der, "-out", pem);
        Assert.Contains(": OK", Peer.Ok("openssl", "verify", "-crl_check", "-CAfile", ca, "-CRLfile", pem, good).Output, StringComparison.Ordinal);
        Peer.Result revoked = Peer.Run("openssl", ["verify", "-crl_check", "-CAfile", ca, "-CRLfile", pem, bad]);
        Assert.NotEqual(0, revoked.ExitCode);
        Assert.Contains("certificate revoked", revoked.All, StringComparison.Ordinal);

        Peer.Ok("certtool", "--verify-crl", "--load-ca-certificate", ca, "--infile", pem);
        Assert.Contains("certificate trusted", Peer.Ok("pki", "--verify", "--in", good, "--cacert", ca, "--crl", der).All, StringComparison.Ordinal);
        Assert.NotEqual(0, Peer.Run("pki", ["--verify", "--in", bad, "--cacert", ca, "--crl", der]).ExitCode);
    }
}

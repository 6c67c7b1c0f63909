using Xunit;

namespace RosCert.Interop.Tests.Daemon;

/// <summary>
/// The unauthenticated CRL endpoint limits each client address to <c>/certificate/settings
/// crl-rate-limit</c> downloads a minute (decision 0053): curl's next request gets 429 with Retry-After.
/// </summary>
public sealed class CrlRateLimitTests
{
    [Fact]
    public void A_client_past_the_crl_rate_limit_gets_429_with_retry_after()
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console);
        console.Script($"""
            /certificate/settings set crl-rate-limit=3
            /certificate
            add name=ca common-name="Limited CA" key-usage=key-cert-sign,crl-sign
            sign ca ca-crl-host=127.0.0.1:{daemon.WwwPort}
            add name=leaf common-name=leaf key-usage=digital-signature,tls-client
            sign leaf ca=ca
            export-certificate leaf
            """);
        string leaf = console.File("cert_export_leaf.crt");
        string url = Peer.Ok("openssl", "x509", "-noout", "-ext", "crlDistributionPoints", "-in", leaf).Output.Split("URI:")[1].Trim();

        // Seven requests span at most two one-minute windows of three, so one of them is refused.
        string[] codes = [.. Enumerable.Range(0, 3).Select(_ => Status(url))];
        string refused = "";
        for (int i = 0; i < 4 && !refused.StartsWith("HTTP/1.1 429", StringComparison.Ordinal); i++)
        {
            refused = Peer.Ok("curl", "-sS", "-D", "-", "-o", "/dev/null", url).Output;
        }

        Assert.Equal(["200", "200", "200"], codes);
        Assert.StartsWith("HTTP/1.1 429", refused, StringComparison.Ordinal);
        string retryAfter = refused.Split('\n').First(l => l.StartsWith("retry-after:", StringComparison.OrdinalIgnoreCase))[12..].Trim();
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    private static string Status(string url) =>
        Peer.Ok("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url).Output;
}

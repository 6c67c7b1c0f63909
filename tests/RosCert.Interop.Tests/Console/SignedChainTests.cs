using Xunit;

namespace RosCert.Interop.Tests.Console;

/// <summary>
/// Chains made with the console (<c>add</c>, <c>sign ca=</c>, <c>export-certificate</c>) and checked by
/// every verifier installed here: openssl, GnuTLS certtool, strongSwan pki and NSS certutil
/// (issue 3, "How it will be checked").
/// </summary>
public sealed class SignedChainTests
{
    [Theory]
    [InlineData("2048", "2048", "sha256")]
    [InlineData("4096", "prime256v1", "sha256")]
    [InlineData("secp384r1", "2048", "sha384")]
    public void A_console_CA_issues_server_and_client_certificates_every_verifier_accepts(string caKey, string leafKey, string digest)
    {
        using var roscert = new RosCertProcess();
        roscert.Script($"""
            add name=ca common-name="Interop CA" organization=RosCert key-usage=key-cert-sign,crl-sign key-size={caKey} digest-algorithm={digest}
            sign ca ca-crl-host=127.0.0.1:8080
            add name=server common-name=server.test subject-alt-name=DNS:server.test,IP:127.0.0.1 key-usage=digital-signature,key-encipherment,tls-server key-size={leafKey} digest-algorithm={digest}
            sign server ca=ca
            add name=client common-name=client key-usage=digital-signature,tls-client key-size={leafKey} digest-algorithm={digest}
            sign client ca=ca
            export-certificate ca
            export-certificate server
            export-certificate client
            """);
        string ca = roscert.File("cert_export_ca.crt");
        foreach ((string leaf, string purpose, char nssUsage) in new[] { ("server", "sslserver", 'V'), ("client", "sslclient", 'C') })
        {
            PeerVerify.All(roscert.Root, ca, roscert.File($"cert_export_{leaf}.crt"), nssUsage, "-purpose", purpose);
        }
    }

    [Fact]
    public void Openssl_shows_exactly_the_requested_extensions_and_the_printed_fingerprint()
    {
        using var roscert = new RosCertProcess();
        string output = roscert.Script("""
            add name=ca common-name=CA key-usage=key-cert-sign,crl-sign
            sign ca ca-crl-host=crl.test
            add name=server common-name=server.test subject-alt-name=DNS:server.test,IP:127.0.0.1,email:ops@server.test key-usage=digital-signature,key-encipherment,tls-server,tls-client
            sign server ca=ca
            export-certificate server
            :put [get server fingerprint]
            :put [get ca skid]
            """);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string fingerprint = lines[^2];
        string caSkid = lines[^1];
        string pem = roscert.File("cert_export_server.crt");

        string text = Peer.Ok("openssl", "x509", "-noout", "-text", "-in", pem).Output;
        Assert.Contains("X509v3 Basic Constraints: critical\n                CA:FALSE", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment\n", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Extended Key Usage: \n                TLS Web Server Authentication, TLS Web Client Authentication\n", text, StringComparison.Ordinal);
        Assert.Contains("DNS:server.test, IP Address:127.0.0.1, email:ops@server.test", text, StringComparison.Ordinal);
        Assert.Contains($"URI:http://crl.test/crl/{caSkid}.crl", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Subject Key Identifier", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 Authority Key Identifier", text, StringComparison.Ordinal);

        string sha256 = Peer.Ok("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", pem).Output;
        Assert.Equal(fingerprint, sha256.Trim().Split('=')[1].Replace(":", "", StringComparison.Ordinal).ToLowerInvariant());
    }

    [Theory]
    [InlineData("md5")]
    [InlineData("sha1")]
    public void Weak_digests_verify_at_security_level_zero(string digest)
    {
        using var roscert = new RosCertProcess();
        roscert.Script($"""
            add name=ca common-name=CA key-usage=key-cert-sign,crl-sign
            sign ca
            add name=leaf common-name=leaf key-usage=digital-signature,tls-client digest-algorithm={digest}
            sign leaf ca=ca
            export-certificate ca
            export-certificate leaf
            """);
        string leaf = roscert.File("cert_export_leaf.crt");
        Assert.Contains(digest == "md5" ? "md5WithRSAEncryption" : "sha1WithRSAEncryption", Peer.Ok("openssl", "x509", "-noout", "-text", "-in", leaf).Output, StringComparison.Ordinal);
        PeerVerify.OpenSsl(roscert.File("cert_export_ca.crt"), leaf, "-auth_level", "0");
    }
}

using Xunit;

namespace RosCert.Interop.Tests.Console;

/// <summary>
/// Certificate requests both ways with openssl (issue 3): requests RosCert writes are read by
/// <c>openssl req -verify</c> and their keys by <c>openssl pkey</c>; requests openssl writes are
/// signed by <c>sign-certificate-request</c> into chains <c>openssl verify</c> accepts.
/// </summary>
public sealed class RequestTests
{
    [Fact]
    public void Openssl_reads_the_request_and_opens_its_key_only_with_the_passphrase()
    {
        using var roscert = new RosCertProcess();
        roscert.Script("""
            add name=req common-name=device.example subject-alt-name=DNS:device.example key-usage=digital-signature,tls-client
            create-certificate-request template=req key-passphrase=secret challenge-passphrase=knock
            """);
        string csr = roscert.File("certificate-request.pem");
        string key = roscert.File("certificate-request_key.pem");

        Peer.Result verified = Peer.Ok("openssl", "req", "-verify", "-noout", "-text", "-in", csr);
        Assert.Contains("verify OK", verified.All, StringComparison.Ordinal);
        Assert.Contains("challengePassword", verified.Output, StringComparison.Ordinal);
        Assert.Contains("DNS:device.example", verified.Output, StringComparison.Ordinal);
        Assert.Contains("BEGIN ENCRYPTED PRIVATE KEY", File.ReadAllText(key), StringComparison.Ordinal);
        Peer.Ok("openssl", "pkey", "-noout", "-in", key, "-passin", "pass:secret");
        Assert.NotEqual(0, Peer.Run("openssl", ["pkey", "-noout", "-in", key, "-passin", "pass:wrong"]).ExitCode);
    }

    [Theory]
    [InlineData("rsa:2048", "-sha256")]
    [InlineData("rsa:2048", "-sha1")]
    [InlineData("rsa:2048", "-md5")]
    [InlineData("ec", "-sha256")]
    public void A_request_made_by_openssl_is_signed_into_a_chain_openssl_verifies(string key, string digest)
    {
        using var roscert = new RosCertProcess();
        Directory.CreateDirectory(roscert.FilesDirectory);
        string csr = Path.Combine(roscert.FilesDirectory, "device.csr");
        var request = new List<string> { "req", "-new", "-newkey", key, "-nodes", "-keyout", Path.Combine(roscert.Root, "device.key"), "-out", csr, digest, "-subj", "/CN=device.test",
            "-addext", "subjectAltName=DNS:device.test", "-addext", "keyUsage=critical,digitalSignature,keyCertSign", "-addext", "extendedKeyUsage=clientAuth" };
        if (key == "ec")
        {
            request.InsertRange(4, ["-pkeyopt", "ec_paramgen_curve:P-256"]);
        }

        Peer.Ok("openssl", [.. request]);
        string output = roscert.Script("""
            add name=ca common-name=CA key-usage=key-cert-sign,crl-sign
            sign ca
            sign-certificate-request file-name=device.csr ca=ca
            export-certificate ca
            export-certificate device.test
            """);

        Assert.Contains("name: device.test", output, StringComparison.Ordinal);
        string leaf = roscert.File("cert_export_device.test.crt");
        Assert.Contains(": OK", Peer.Ok("openssl", "verify", "-purpose", "sslclient", "-CAfile", roscert.File("cert_export_ca.crt"), leaf).Output, StringComparison.Ordinal);
        string text = Peer.Ok("openssl", "x509", "-noout", "-text", "-in", leaf).Output;
        Assert.Contains("CA:FALSE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Certificate Sign", text, StringComparison.Ordinal);
        Assert.Contains("DNS:device.test", text, StringComparison.Ordinal);
    }
}

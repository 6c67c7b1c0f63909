using Xunit;

namespace RosCert.Interop.Tests.Scep;

/// <summary>Real SCEP clients enrol with RosCert's SCEP server over the daemon's www (issue 7).</summary>
public sealed class ScepClientPeerTests
{
    [Fact]
    public void Micromdm_scepclient_enrols_with_an_otp_over_post_sha1_and_des()
    {
        using var setup = new ScepServerSetup();
        string key = setup.Path("mdm.key");
        string certificate = setup.Path("mdm.pem");

        Peer.Result result = Peer.Run("scepclient", ["-server-url", setup.Url, "-private-key", key, "-certificate", certificate,
            "-challenge", setup.Otp(), "-cn", "mdm-device", "-debug"], workingDirectory: setup.Console.Root);

        Assert.True(result.ExitCode == 0, result.All + setup.Daemon.Log);
        PeerVerify.OpenSsl(setup.CaPath, certificate);
        Assert.Contains("mdm-device", setup.Console.Script("/certificate print where issued"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aes", "sha256")]
    [InlineData("des3", "sha1")]
    public void StrongSwan_pki_enrols_with_an_otp(string cipher, string digest)
    {
        using var setup = new ScepServerSetup();
        string key = setup.Path("swan.key");
        string certificate = setup.Path("swan.pem");
        File.WriteAllText(key, Peer.Ok("openssl", "genrsa", "2048").Output);

        Peer.Result result = Peer.Run("pki", ["--scep", "--url", setup.Url, "--in", key, "--dn", "CN=swan-" + cipher, "--password", setup.Otp(),
            "--cacert-enc", setup.CaPath, "--cacert-sig", setup.CaPath, "--cipher", cipher, "--digest", digest, "--outform", "pem"], timeoutSeconds: 120);

        Assert.True(result.ExitCode == 0, result.All + setup.Daemon.Log);
        File.WriteAllText(certificate, result.Output);
        PeerVerify.OpenSsl(setup.CaPath, certificate);
    }
}

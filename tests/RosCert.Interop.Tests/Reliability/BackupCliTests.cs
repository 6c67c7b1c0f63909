using Xunit;

namespace RosCert.Interop.Tests.Reliability;

/// <summary>
/// <c>roscert backup FILE</c> on one machine, <c>roscert restore FILE</c> into an empty data dir with
/// another master key, then <c>roscert check</c> and a signature with the restored CA (issue 10).
/// </summary>
public sealed class BackupCliTests
{
    [Fact]
    public void A_store_backed_up_here_restores_there_and_its_ca_still_signs()
    {
        using var here = new RosCertProcess();
        using var there = new RosCertProcess();
        here.Script("""
            /certificate add name=ca common-name=CA key-size=prime256v1 key-usage=key-cert-sign,crl-sign
            /certificate sign ca
            """);
        string file = Path.Combine(here.Root, "store.backup");

        Peer.Result saved = here.Run("s3cret passphrase\n", "backup", file);
        Assert.True(saved.ExitCode == 0, saved.All);
        Peer.Result wrong = there.Run("not it\n", "restore", file);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("wrong passphrase", wrong.All, StringComparison.Ordinal);
        Peer.Result restored = there.Run("s3cret passphrase\n", "restore", file);
        Assert.True(restored.ExitCode == 0, restored.All);

        there.AssertWhole("after restore");
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(here.Root, "master.key")), File.ReadAllBytes(Path.Combine(there.Root, "master.key")));
        string printed = there.Script("""
            /certificate add name=srv common-name=srv key-size=prime256v1
            /certificate sign srv ca=ca
            /certificate print proplist=name,issuer where name=srv
            """);
        Assert.Contains("CN=CA", printed, StringComparison.Ordinal);
        there.AssertWhole("after signing with the restored CA");
    }
}

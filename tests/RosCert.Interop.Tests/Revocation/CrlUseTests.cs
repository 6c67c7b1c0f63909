using RosCert.Interop.Tests.Daemon;
using Xunit;

namespace RosCert.Interop.Tests.Revocation;

/// <summary>
/// Issue 6, second check: a second RosCert data dir imports a CA as trusted and two of its leaves,
/// turns on crl-download and crl-use, downloads the CRL the first data dir's daemon publishes at the
/// leaves' distribution point, and then shows R on the revoked leaf only; <c>verify</c> explains it.
/// </summary>
public sealed class CrlUseTests
{
    [Fact]
    public void A_second_data_dir_downloads_the_crl_and_flags_the_revoked_leaf()
    {
        using var issuer = new RosCertProcess();
        using var daemon = new DaemonProcess(issuer);
        using RosCertProcess user = ImportedElsewhere(issuer, daemon.WwwPort);
        using var cache = new RamCacheCleanup(user);
        string imported = user.Script("""
            /certificate/settings set crl-download=yes crl-use=yes
            /certificate/crl print proplist=url,revoked
            """);
        Assert.Contains($"http://127.0.0.1:{daemon.WwwPort}/crl/", imported, StringComparison.Ordinal);

        string printed = user.Script("""
            /certificate/crl download
            /certificate/crl print proplist=cert,revoked
            /certificate print proplist=name
            """);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(printed, @"\n\s*0 D\s+good\s+1\s*\n"), printed);
        Assert.DoesNotContain("R", Flags(printed, "good"), StringComparison.Ordinal);
        Assert.Contains("R", Flags(printed, "bad"), StringComparison.Ordinal);

        string bad = user.Script("/certificate verify bad");
        Assert.Contains("revocation=revoked", bad, StringComparison.Ordinal);
        Assert.Contains("verdict: failed: bad is revoked by the CRL of CN=CRL CA", bad, StringComparison.Ordinal);
        string good = user.Script("/certificate verify good");
        Assert.Contains("revocation=ok", good, StringComparison.Ordinal);
        Assert.Contains("verdict: ok", good, StringComparison.Ordinal);
    }

    [Fact]
    public void With_crl_download_the_second_data_dirs_daemon_fetches_the_crl_itself()
    {
        using var issuer = new RosCertProcess();
        using var daemon = new DaemonProcess(issuer);
        using RosCertProcess user = ImportedElsewhere(issuer, daemon.WwwPort);
        using var cache = new RamCacheCleanup(user);
        using var userDaemon = new DaemonProcess(user, "/certificate/settings set crl-download=yes crl-use=yes");

        // crl-store=ram (the default): the daemon's download lands in the runtime cache the console reads too
        userDaemon.WaitFor(() => user.Script(":put [/certificate/crl get 0 revoked]").Trim() == "1", "the daemon to download the CRL");
        Assert.Contains("R", Flags(user.Script("/certificate print proplist=name"), "bad"), StringComparison.Ordinal);
        Assert.Contains("verdict: ok", user.Script("/certificate verify good"), StringComparison.Ordinal);
    }

    /// <summary>A CA with its CRL at 127.0.0.1:port issues good and bad (revoked); a new data dir imports the three certificates.</summary>
    private static RosCertProcess ImportedElsewhere(RosCertProcess issuer, int port)
    {
        issuer.Script($"""
            /certificate add name=ca common-name="CRL CA" key-usage=key-cert-sign,crl-sign
            /certificate sign ca ca-crl-host=127.0.0.1:{port}
            /certificate add name=good common-name=good key-usage=digital-signature,tls-client
            /certificate sign good ca=ca
            /certificate add name=bad common-name=bad key-usage=digital-signature,tls-client
            /certificate sign bad ca=ca
            /certificate issued-revoke bad reason=key-compromise
            /certificate export-certificate ca
            /certificate export-certificate good
            /certificate export-certificate bad
            """);
        var user = new RosCertProcess();
        Directory.CreateDirectory(user.FilesDirectory);
        foreach (string name in new[] { "ca", "good", "bad" })
        {
            File.Copy(issuer.File($"cert_export_{name}.crt"), user.File($"{name}.crt"));
        }

        user.Script("""
            /certificate import file-name=ca.crt name=ca trusted=yes
            /certificate import file-name=good.crt name=good
            /certificate import file-name=bad.crt name=bad
            """);
        return user;
    }

    /// <summary>The flag letters of a certificate's row in a <c>print proplist=name</c> table.</summary>
    private static string Flags(string printed, string name)
    {
        string row = printed.Split('\n').Select(l => l.Trim()).Single(l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^\d+ .* {name}$"));
        return row.Split(' ', 2)[1][..^name.Length].Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>Removes the data dir's <c>crl-store=ram</c> cache (tmpfs) when a test ends.</summary>
    private sealed class RamCacheCleanup(RosCertProcess process) : IDisposable
    {
        public void Dispose()
        {
            string crl = RosCert.Store.Files.RuntimeCrlCache.For(process.DataDirectory).Location;
            string? perDataDir = Path.GetDirectoryName(crl);
            if (perDataDir is not null && Directory.Exists(perDataDir))
            {
                Directory.Delete(perDataDir, recursive: true);
            }
        }
    }
}

using Xunit;

using RosCert.Interop.Tests.Issuance;

namespace RosCert.Interop.Tests;

/// <summary>The four peers' chain checks: OpenSSL, GnuTLS certtool, strongSwan pki and NSS certutil.</summary>
internal static class PeerVerify
{
    public static void OpenSsl(string ca, string leaf, params string[] options)
    {
        Peer.Result result = Peer.Ok("openssl", ["verify", .. options, "-CAfile", ca, leaf]);
        Assert.Contains(": OK", result.Output, StringComparison.Ordinal);
    }

    public static void CertTool(string ca, string leaf)
    {
        Peer.Result result = Peer.Ok("certtool", "--verify", "--load-ca-certificate", ca, "--infile", leaf);
        Assert.Contains("Chain verification output: Verified.", result.All, StringComparison.Ordinal);
    }

    public static void StrongSwan(string ca, string leaf)
    {
        Peer.Result result = Peer.Ok("pki", "--verify", "--in", leaf, "--cacert", ca);
        Assert.Contains("certificate trusted", result.All, StringComparison.Ordinal);
    }

    /// <summary>NSS: <c>-u V</c> checks an SSL server certificate, <c>-u C</c> an SSL client certificate.</summary>
    public static void Nss(string directory, string ca, string leaf, char usage)
    {
        string database = Path.Combine(directory, "nss-" + Path.GetFileNameWithoutExtension(leaf));
        Directory.CreateDirectory(database);
        string sql = "sql:" + database;
        Peer.Ok("certutil", "-N", "-d", sql, "--empty-password");
        Peer.Ok("certutil", "-A", "-d", sql, "-n", "ca", "-t", "CT,C,C", "-i", ca);
        Peer.Ok("certutil", "-A", "-d", sql, "-n", "leaf", "-t", ",,", "-i", leaf);
        Peer.Result result = Peer.Ok("certutil", "-V", "-d", sql, "-n", "leaf", "-u", usage.ToString());
        Assert.Contains("certificate is valid", result.All, StringComparison.Ordinal);
    }

    public static void All(IssuedChain chain, string leaf, char nssUsage) => All(chain.Folder, chain.CaPath, leaf, nssUsage);

    /// <summary>Every verifier accepts the chain; <paramref name="opensslOptions"/> go to <c>openssl verify</c>.</summary>
    public static void All(string directory, string ca, string leaf, char nssUsage, params string[] opensslOptions)
    {
        OpenSsl(ca, leaf, opensslOptions);
        CertTool(ca, leaf);
        StrongSwan(ca, leaf);
        Nss(directory, ca, leaf, nssUsage);
    }
}

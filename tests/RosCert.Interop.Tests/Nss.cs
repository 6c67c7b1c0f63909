using Xunit;

namespace RosCert.Interop.Tests;

/// <summary>NSS <c>certutil</c>: a fresh database, the CA trusted, the leaf verified for one usage.</summary>
internal static class Nss
{
    /// <param name="usage"><c>V</c> SSL server, <c>C</c> SSL client.</param>
    public static void Verify(string workDirectory, string caPem, string leafPem, string usage)
    {
        string db = Path.Combine(workDirectory, "nss-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(db);
        string sql = "sql:" + db;
        Peer.Ok("certutil", "-N", "-d", sql, "--empty-password");
        Peer.Ok("certutil", "-A", "-d", sql, "-n", "ca", "-t", "CT,C,C", "-i", caPem);
        Peer.Ok("certutil", "-A", "-d", sql, "-n", "leaf", "-t", ",,", "-i", leafPem);
        Peer.Result result = Peer.Run("certutil", ["-V", "-d", sql, "-n", "leaf", "-u", usage]);
        Assert.True(result.ExitCode == 0 && result.All.Contains("certificate is valid", StringComparison.Ordinal), $"certutil -V -u {usage}:\n{result.All}");
    }
}

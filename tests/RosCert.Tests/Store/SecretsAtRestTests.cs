using System.Security.Cryptography;
using System.Text;
using RosCert.Core.Model;
using RosCert.Store.IO;
using RosCert.Tests.Import;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Store;

/// <summary>
/// Keys and secrets at rest after realistic work (issue 10): sign (RSA and EC), import a certificate
/// with its key (clear, encrypted PKCS#8, legacy PEM), export with a passphrase (PEM and PKCS#12).
/// No file under the data dir holds any key in clear: not its PKCS#8 DER, not a line of its PEM
/// base64, not a secret component (EC scalar, RSA d, p, q…); the data dir and files area are 0700
/// and every file in them, the master key included, is 0600.
/// </summary>
public sealed class SecretsAtRestTests
{
    [Fact]
    public void No_private_key_is_in_clear_anywhere_under_the_data_dir_after_realistic_work()
    {
        using var console = Worked();
        string[] files = Directory.GetFiles(console.DataPath, "*", SearchOption.AllDirectories);
        byte[][] contents = [.. files.Select(File.ReadAllBytes)];
        IReadOnlyList<CertificateEntry> withKeys = console.Environment.Store.Read(r => r.Certificates()).Where(e => e.PrivateKey is not null).ToList();

        Assert.True(withKeys.Count >= 4, "the work made fewer keys than planned");
        Assert.Contains(files, f => f.EndsWith(".p12", StringComparison.Ordinal));
        foreach (CertificateEntry entry in withKeys)
        {
            Assert.Contains(contents, c => c.AsSpan().IndexOf(entry.Der) >= 0); // the scan does see the store
            byte[] pkcs8 = console.Environment.Keys.Unseal(entry.PrivateKey!);
            foreach ((string what, byte[] needle) in Needles(pkcs8))
            {
                string[] holding = [.. files.Where((_, i) => contents[i].AsSpan().IndexOf(needle) >= 0)];
                Assert.True(holding.Length == 0, $"{entry.Name}: {what} found in clear in {string.Join(", ", holding)}");
            }
        }
    }

    [Fact]
    public void Data_dir_files_area_exports_database_and_master_key_are_private()
    {
        using var console = Worked();
        Assert.Equal(UnixFiles.PrivateDirectory, UnixFiles.GetMode(console.DataPath));
        foreach (string directory in Directory.GetDirectories(console.DataPath, "*", SearchOption.AllDirectories))
        {
            Assert.Equal(UnixFiles.PrivateDirectory, UnixFiles.GetMode(directory));
        }

        string[] files = Directory.GetFiles(console.DataPath, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("store.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("cert_export_srv.key", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(UnixFiles.GetMode(f) == UnixFiles.PrivateFile, $"{f} is {UnixFiles.GetMode(f)}"));
        Assert.Equal(UnixFiles.PrivateFile, UnixFiles.GetMode(console.MasterKeyPath));
    }

    /// <summary>A console after signing, importing keys in three forms and exporting with a passphrase.</summary>
    private static TestConsole Worked()
    {
        var console = new TestConsole();
        string[] sources = ["ec.pem", "ec-enc-pkcs8.key", "rsa-cert-and-legacy-key.pem", "rsa.pem", "rsa-legacy-aes256.key"];
        foreach (string name in sources)
        {
            File.Copy(Path.Combine(ImportCorpus.Directory, name), Path.Combine(console.DataPath, "files", name));
        }

        string[] steps =
        [
            "add name=ca common-name=CA key-size=2048 key-usage=key-cert-sign,crl-sign",
            "sign ca",
            "add name=srv common-name=srv key-size=prime256v1",
            "sign srv ca=ca",
            "import file-name=ec.pem",
            $"import file-name=ec-enc-pkcs8.key passphrase={ImportCorpus.Passphrase}",
            $"import file-name=rsa-cert-and-legacy-key.pem passphrase={ImportCorpus.Passphrase}",
            "import file-name=rsa.pem",
            $"import file-name=rsa-legacy-aes256.key passphrase={ImportCorpus.Passphrase}",
            "export-certificate srv export-passphrase=exportsecret",
            "export-certificate ca type=pkcs12 export-passphrase=exportsecret",
        ];
        foreach (string step in steps)
        {
            string output = console.Run(step);
            Assert.False(output.StartsWith("failure", StringComparison.Ordinal) || output.Contains("decryption-failures: 1", StringComparison.Ordinal), step + ": " + output);
        }

        // The imported files are the user's (copied in with their own modes); the checks are about what RosCert writes.
        foreach (string name in sources)
        {
            File.Delete(Path.Combine(console.DataPath, "files", name));
        }

        return console;
    }

    /// <summary>What a clear key looks like on disk: PKCS#8 DER, its PEM lines, PKCS#1/SEC1 DER, and 16-byte runs of each secret component.</summary>
    private static IEnumerable<(string What, byte[] Needle)> Needles(byte[] pkcs8)
    {
        yield return ("PKCS#8 DER", pkcs8);
        string pem = PemEncoding.WriteString("PRIVATE KEY", pkcs8);
        foreach (string line in pem.Split('\n').Where(l => l.Length == 64))
        {
            yield return ("a PKCS#8 PEM line", Encoding.ASCII.GetBytes(line));
        }

        (byte[] Whole, (string, byte[])[] Secrets) key = SecretComponents(pkcs8);
        yield return ("PKCS#1 or SEC1 DER", key.Whole);
        foreach ((string what, byte[] secret) in key.Secrets)
        {
            for (int offset = 0; offset + 16 <= secret.Length; offset += 8)
            {
                yield return (what, secret[offset..(offset + 16)]);
            }
        }
    }

    /// <summary>The key's algorithm-specific DER (whole: it starts with public parts) and its secret numbers (searched in runs).</summary>
    private static (byte[] Whole, (string, byte[])[] Secrets) SecretComponents(byte[] pkcs8)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            RSAParameters p = rsa.ExportParameters(includePrivateParameters: true);
            return (rsa.ExportRSAPrivateKey(), [("RSA d", p.D!), ("RSA p", p.P!), ("RSA q", p.Q!), ("RSA dp", p.DP!), ("RSA dq", p.DQ!), ("RSA qinv", p.InverseQ!)]);
        }
        catch (CryptographicException)
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return (ecdsa.ExportECPrivateKey(), [("EC scalar", ecdsa.ExportParameters(includePrivateParameters: true).D!)]);
        }
    }
}

using RosCert.Codecs.Pem;
using RosCert.Core.Export;
using RosCert.Core.Model;
using RosCert.Tests.Shared;
using Xunit;

namespace RosCert.Interop.Tests.Export;

/// <summary><c>export-certificate type=pkcs12</c> files read by OpenSSL 3, GnuTLS certtool and NSS pk12util.</summary>
public sealed class Pkcs12InteropTests : IDisposable
{
    private const string Name = "router-cert";
    private readonly string _directory = Directory.CreateTempSubdirectory("roscert-p12-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private string WriteP12(KeyType type, string? passphrase)
    {
        ExportChain chain = ExportChain.Of(type);
        byte[] pfx = Pkcs12Writer.Write(chain.Der, passphrase is null ? null : chain.LeafKey, passphrase, Name);
        File.WriteAllBytes(PathOf("f.p12"), pfx);
        return PathOf("f.p12");
    }

    [Theory]
    [InlineData(KeyType.Rsa)]
    [InlineData(KeyType.Ec)]
    public void Openssl_shows_pbes2_aes256_and_a_sha256_mac(KeyType type)
    {
        string p12 = WriteP12(type, "x");

        string info = Peer.Ok("openssl", "pkcs12", "-info", "-noout", "-in", p12, "-passin", "pass:x").All;
        Assert.Contains("MAC: sha256, Iteration 100000", info, StringComparison.Ordinal);
        Assert.Contains("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256", info, StringComparison.Ordinal);
        Assert.Contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256", info, StringComparison.Ordinal);
        Assert.NotEqual(0, Peer.Run("openssl", ["pkcs12", "-info", "-noout", "-in", p12, "-passin", "pass:y"]).ExitCode);
    }

    [Theory]
    [InlineData(KeyType.Rsa)]
    [InlineData(KeyType.Ec)]
    public void Openssl_opens_the_key_and_it_matches_the_certificate(KeyType type)
    {
        string p12 = WriteP12(type, "x");
        File.WriteAllText(PathOf("cert.pem"), PemExport.Certificates([ExportChain.Of(type).Der[0]]));

        string dump = Peer.Ok("openssl", "pkcs12", "-in", p12, "-nodes", "-passin", "pass:x").Output;
        File.WriteAllText(PathOf("dump.pem"), dump);
        Assert.Equal(3, PemFile.ReadAll(dump).Count(block => block.Label == "CERTIFICATE"));
        Assert.Contains("friendlyName: " + Name, dump, StringComparison.Ordinal);
        Assert.Contains("localKeyID:", dump, StringComparison.Ordinal);

        string keyPublic = Peer.Ok("openssl", "pkey", "-in", PathOf("dump.pem"), "-pubout").Output;
        string certificatePublic = Peer.Ok("openssl", "x509", "-in", PathOf("cert.pem"), "-noout", "-pubkey").Output;
        Assert.Equal(certificatePublic, keyPublic);
        Assert.Contains("-----BEGIN PUBLIC KEY-----", keyPublic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyType.Rsa)]
    [InlineData(KeyType.Ec)]
    public void Certtool_reads_the_file(KeyType type)
    {
        string info = Peer.Ok("certtool", "--p12-info", "--inder", "--infile", WriteP12(type, "x"), "--password", "x").All;
        Assert.Contains("Friendly name: " + Name, info, StringComparison.Ordinal);
        Assert.Contains("MAC: SHA256", info, StringComparison.Ordinal);
        Assert.Contains("Type: PKCS #8 Encrypted key", info, StringComparison.Ordinal);
        Assert.Contains("Schema: PBES2-AES256-CBC", info, StringComparison.Ordinal);
        Assert.Contains("Iteration count: 100000", info, StringComparison.Ordinal);
        Assert.NotEqual(0, Peer.Run("certtool", ["--p12-info", "--inder", "--infile", PathOf("f.p12"), "--password", "y"]).ExitCode);
    }

    [Theory]
    [InlineData(KeyType.Rsa)]
    [InlineData(KeyType.Ec)]
    public void Pk12util_imports_the_key_and_the_chain_under_the_friendly_name(KeyType type)
    {
        string sql = NewNssDatabase();
        Peer.Ok("pk12util", "-i", WriteP12(type, "x"), "-d", sql, "-W", "x");

        Assert.Contains(Name, Peer.Ok("certutil", "-L", "-d", sql).Output, StringComparison.Ordinal);
        Assert.Contains(Name, Peer.Ok("certutil", "-K", "-d", sql).All, StringComparison.Ordinal);
        string pem = Peer.Ok("certutil", "-L", "-d", sql, "-n", Name, "-a").Output;
        Assert.Equal(ExportChain.Of(type).Der[0], PemFile.ReadAll(pem).Single().Data);
    }

    /// <summary>PBES2 takes the passphrase as UTF-8 (RFC 8018 §3), the MAC as a BMPString (RFC 7292 §B.1).</summary>
    [Fact]
    public void A_non_ascii_passphrase_reads_the_same_in_every_peer()
    {
        const string Passphrase = "pässwörd-€";
        string p12 = WriteP12(KeyType.Ec, Passphrase);

        Peer.Ok("openssl", "pkcs12", "-in", p12, "-nodes", "-passin", "pass:" + Passphrase);
        Peer.Ok("certtool", "--p12-info", "--inder", "--infile", p12, "--password", Passphrase);
        string sql = NewNssDatabase();
        Peer.Ok("pk12util", "-i", p12, "-d", sql, "-W", Passphrase);
        Assert.Contains(Name, Peer.Ok("certutil", "-K", "-d", sql).All, StringComparison.Ordinal);
    }

    [Fact]
    public void The_certificate_only_file_is_read_by_all_three_peers()
    {
        string p12 = WriteP12(KeyType.Rsa, passphrase: null);

        string info = Peer.Ok("openssl", "pkcs12", "-info", "-noout", "-in", p12, "-passin", "pass:").All;
        Assert.Contains("MAC: sha256", info, StringComparison.Ordinal);
        Assert.DoesNotContain("Keybag", info, StringComparison.OrdinalIgnoreCase);
        string dump = Peer.Ok("openssl", "pkcs12", "-in", p12, "-nodes", "-passin", "pass:").Output;
        Assert.Equal(3, PemFile.ReadAll(dump).Count);

        string certtool = Peer.Ok("certtool", "--p12-info", "--inder", "--infile", p12, "--password", "").All;
        Assert.Contains("Friendly name: " + Name, certtool, StringComparison.Ordinal);

        string sql = NewNssDatabase();
        Peer.Ok("pk12util", "-i", p12, "-d", sql, "-W", "");
        Assert.Contains(Name, Peer.Ok("certutil", "-L", "-d", sql).Output, StringComparison.Ordinal);
    }

    private string NewNssDatabase()
    {
        string database = PathOf("nss-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(database);
        Peer.Ok("certutil", "-N", "-d", "sql:" + database, "--empty-password");
        return "sql:" + database;
    }
}

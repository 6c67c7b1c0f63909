using Xunit;

namespace RosCert.Interop.Tests.Console;

/// <summary><c>import</c> as a user runs it (issue 4, "How it will be checked").</summary>
public sealed class ImportTests
{
    private const string SystemBundle = "/etc/ssl/certs/ca-certificates.crt";

    [Fact]
    public void The_system_bundle_imports_every_certificate_trusted_and_again_adds_none()
    {
        int expected = File.ReadAllText(SystemBundle).Split("BEGIN CERTIFICATE").Length - 1;
        using var roscert = new RosCertProcess();
        string first = roscert.Script($"import file-name={SystemBundle}\nprint count-only where trusted\n");
        Assert.Contains($"     certificates-imported: {expected}\n", first, StringComparison.Ordinal);
        Assert.EndsWith($"\n{expected}\n", first, StringComparison.Ordinal);

        string again = roscert.Script($"import file-name={SystemBundle}\nprint count-only\n");
        Assert.Contains("     certificates-imported: 0\n", again, StringComparison.Ordinal);
        Assert.EndsWith($"\n{expected}\n", again, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_then_import_into_a_fresh_store_keeps_the_fingerprint_and_a_usable_key()
    {
        using var source = new RosCertProcess();
        string fingerprint = source.Script("""
            add name=ca common-name="Moving CA" key-usage=key-cert-sign,crl-sign
            sign ca
            export-certificate ca type=pkcs12 export-passphrase=secret
            export-certificate ca
            :put [get ca fingerprint]
            """).Trim().Split('\n')[^1];

        using var target = new RosCertProcess();
        Directory.CreateDirectory(target.FilesDirectory);
        File.Copy(source.File("cert_export_ca.p12"), target.File("ca.p12"));
        string output = target.Script("""
            import file-name=ca.p12 passphrase=secret name=ca
            :put [get ca fingerprint]
            add name=leaf common-name=leaf key-usage=digital-signature,tls-client
            sign leaf ca=ca
            export-certificate leaf
            """);
        Assert.Contains("     private-keys-imported: 1\n", output, StringComparison.Ordinal);
        Assert.Contains(fingerprint + "\n", output, StringComparison.Ordinal);
        PeerVerify.OpenSsl(source.File("cert_export_ca.crt"), target.File("cert_export_leaf.crt"));
    }

    [Fact]
    public void Openssl_made_files_import_with_the_key_where_it_belongs()
    {
        using var roscert = new RosCertProcess();
        string files = roscert.FilesDirectory;
        Directory.CreateDirectory(files);
        string key = Path.Combine(files, "k.pem");
        Peer.Ok("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", Path.Combine(files, "c.pem"), "-subj", "/CN=openssl-made", "-days", "30");
        Peer.Ok("openssl", "rsa", "-in", key, "-traditional", "-des3", "-passout", "pass:secret", "-out", Path.Combine(files, "legacy.key"));
        Peer.Ok("openssl", "pkcs12", "-export", "-legacy", "-in", Path.Combine(files, "c.pem"), "-inkey", key, "-passout", "pass:secret", "-out", Path.Combine(files, "legacy.p12"));
        string fingerprint = Peer.Ok("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", Path.Combine(files, "c.pem")).Output;

        string output = roscert.Script("""
            import file-name=legacy.key passphrase=secret
            import file-name=c.pem
            :put [get c.pem_0 fingerprint]
            :put [get c.pem_0 private-key]
            import file-name=legacy.p12 passphrase=secret
            """);
        Assert.Contains("  keys-with-no-certificate: 1\n", output, StringComparison.Ordinal);
        Assert.Contains(fingerprint.Trim().Split('=')[1].Replace(":", "", StringComparison.Ordinal).ToLowerInvariant() + "\ntrue\n", output, StringComparison.Ordinal);
        Assert.EndsWith("     certificates-imported: 0\n     private-keys-imported: 1\n            files-imported: 1\n       decryption-failures: 0\n  keys-with-no-certificate: 0\n\n", output, StringComparison.Ordinal);
    }
}

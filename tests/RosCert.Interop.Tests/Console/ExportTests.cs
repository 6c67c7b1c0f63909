using Xunit;

namespace RosCert.Interop.Tests.Console;

/// <summary><c>export-certificate</c> files read by every peer that reads them (issue 4).</summary>
public sealed class ExportTests
{
    [Fact]
    public void Pkcs12_with_key_and_chain_is_read_by_openssl_certtool_and_nss()
    {
        using var roscert = new RosCertProcess();
        roscert.Script("""
            add name=ca common-name=CA key-usage=key-cert-sign,crl-sign
            sign ca
            add name=srv common-name=srv.example key-usage=digital-signature,tls-server key-size=prime256v1
            sign srv ca=ca
            export-certificate srv type=pkcs12 export-passphrase=secret include-chain=yes
            """);
        string p12 = roscert.File("cert_export_srv.p12");

        string info = Peer.Ok("openssl", "pkcs12", "-info", "-noout", "-in", p12, "-passin", "pass:secret").All;
        Assert.Contains("MAC: sha256", info, StringComparison.Ordinal);
        string pem = Peer.Ok("openssl", "pkcs12", "-in", p12, "-nodes", "-passin", "pass:secret").Output;
        Assert.Equal(2, pem.Split("BEGIN CERTIFICATE").Length - 1);
        Assert.Contains("BEGIN PRIVATE KEY", pem, StringComparison.Ordinal);
        Peer.Ok("certtool", "--p12-info", "--inder", "--infile", p12, "--password", "secret");
        string db = Path.Combine(roscert.Root, "nss");
        Directory.CreateDirectory(db);
        Peer.Ok("certutil", "-N", "-d", "sql:" + db, "--empty-password");
        Peer.Ok("pk12util", "-i", p12, "-d", "sql:" + db, "-W", "secret");
        Assert.Contains("srv", Peer.Ok("certutil", "-L", "-d", "sql:" + db).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pem_key_opens_only_with_the_passphrase_and_matches_the_certificate()
    {
        using var roscert = new RosCertProcess();
        roscert.Script("""
            add name=srv common-name=srv key-usage=digital-signature,tls-server
            sign srv
            export-certificate srv export-passphrase=secret
            """);
        string key = roscert.File("cert_export_srv.key");
        string fromKey = Peer.Ok("openssl", "pkey", "-in", key, "-passin", "pass:secret", "-pubout").Output;
        string fromCert = Peer.Ok("openssl", "x509", "-in", roscert.File("cert_export_srv.crt"), "-noout", "-pubkey").Output;
        Assert.Equal(fromCert, fromKey);
        Assert.NotEqual(0, Peer.Run("openssl", ["pkey", "-noout", "-in", key, "-passin", "pass:wrong"]).ExitCode);
    }
}

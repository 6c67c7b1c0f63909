using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Core.Revocation;
using Xunit;

namespace RosCert.Interop.Tests.Revocation;

/// <summary>CRLs from <see cref="CrlWriter"/> are accepted by OpenSSL, GnuTLS certtool and strongSwan pki.</summary>
public sealed class CrlInteropTests : IDisposable
{
    private static readonly byte[] s_goodSerial = [0x10, 0x01];
    private static readonly byte[] s_revokedSerial = [0x90, 0x02, 0x03];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("roscert-crl-");
    private readonly DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha384)]
    [InlineData(DigestAlgorithm.Sha512)]
    public void Openssl_verifies_the_CRL_and_rejects_the_revoked_leaf_only(DigestAlgorithm digest)
    {
        using RSA caKey = RSA.Create(2048);
        using X509Certificate2 ca = Ca(caKey);
        string caPath = Save("ca.pem", ca);
        string good = Save("good.pem", Leaf(ca, caKey, "good.example", s_goodSerial));
        string revoked = Save("revoked.pem", Leaf(ca, caKey, "revoked.example", s_revokedSerial));
        (string crlDer, string crlPem) = WriteCrl(ca, caKey, digest);

        Peer.Result text = Peer.Ok("openssl", "crl", "-inform", "DER", "-in", crlDer, "-noout", "-text", "-verify", "-CAfile", caPath);
        Assert.Contains("verify OK", text.All, StringComparison.Ordinal);
        Assert.Contains("Serial Number: 900203", text.Output, StringComparison.Ordinal);
        Assert.Contains("Key Compromise", text.Output, StringComparison.Ordinal);
        Assert.Contains("X509v3 CRL Number: \n                5", text.Output, StringComparison.Ordinal);

        Peer.Result ok = Peer.Ok("openssl", "verify", "-crl_check", "-CAfile", caPath, "-CRLfile", crlPem, good);
        Assert.Contains(": OK", ok.Output, StringComparison.Ordinal);
        Peer.Result bad = Peer.Run("openssl", ["verify", "-crl_check", "-CAfile", caPath, "-CRLfile", crlPem, revoked]);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("error 23 at 0 depth lookup: certificate revoked", bad.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Certtool_and_pki_accept_the_CRL_and_see_the_revocation()
    {
        using RSA caKey = RSA.Create(2048);
        using X509Certificate2 ca = Ca(caKey);
        string caPath = Save("ca.pem", ca);
        string good = Save("good.pem", Leaf(ca, caKey, "good.example", s_goodSerial));
        string revoked = Save("revoked.pem", Leaf(ca, caKey, "revoked.example", s_revokedSerial));
        (_, string crlPem) = WriteCrl(ca, caKey, DigestAlgorithm.Sha256);

        Peer.Result certtool = Peer.Ok("certtool", "--verify-crl", "--load-ca-certificate", caPath, "--infile", crlPem);
        Assert.Contains("Verification output: Verified.", certtool.All, StringComparison.Ordinal);
        Assert.Contains("Revoked certificates (3):", certtool.All, StringComparison.Ordinal);
        Assert.Contains("900203", certtool.All, StringComparison.Ordinal);

        Peer.Result trusted = Peer.Ok("pki", "--verify", "--in", good, "--cacert", caPath, "--crl", crlPem);
        Assert.Contains("certificate trusted", trusted.All, StringComparison.Ordinal);
        Peer.Result untrusted = Peer.Run("pki", ["--verify", "--in", revoked, "--cacert", caPath, "--crl", crlPem]);
        Assert.NotEqual(0, untrusted.ExitCode);
        Assert.Contains("revoked", untrusted.All, StringComparison.Ordinal);
    }

    private (string Der, string Pem) WriteCrl(X509Certificate2 ca, RSA caKey, DigestAlgorithm digest)
    {
        var request = new CrlRequest(ca.RawData, caKey.ExportPkcs8PrivateKey(), digest, 5, _now, _now.AddDays(7));
        RevokedEntry[] entries =
        [
            new([0x7F, 0x00, 0x01], _now.AddHours(-2), RevocationReason.Superseded),
            new(s_revokedSerial, _now.AddHours(-1), RevocationReason.KeyCompromise),
            new([0x00, 0x00, 0x42], _now.AddMinutes(-30), RevocationReason.Unspecified),
        ];
        string der = Path.Combine(_folder.FullName, "crl.der");
        using (FileStream stream = File.Create(der))
        {
            CrlWriter.Write(request, entries, stream);
        }

        string pem = Path.Combine(_folder.FullName, "crl.pem");
        File.WriteAllText(pem, PemEncoding.WriteString("X509 CRL", File.ReadAllBytes(der)) + "\n");
        return (der, pem);
    }

    private X509Certificate2 Ca(RSA key)
    {
        var request = new CertificateRequest("CN=Interop CRL CA,O=RosCert Lab", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ski = new X509SubjectKeyIdentifierExtension(request.PublicKey, false);
        request.CertificateExtensions.Add(ski);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski));
        return request.CreateSelfSigned(_now.AddDays(-1), _now.AddYears(1));
    }

    private X509Certificate2 Leaf(X509Certificate2 ca, RSA caKey, string name, byte[] serial)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        X509SignatureGenerator generator = X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1);
        byte[] positive = serial[0] >= 0x80 ? [0x00, .. serial] : serial;
        return request.Create(ca.SubjectName, generator, _now.AddDays(-1), _now.AddDays(30), positive);
    }

    private string Save(string name, X509Certificate2 certificate)
    {
        string path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }
}

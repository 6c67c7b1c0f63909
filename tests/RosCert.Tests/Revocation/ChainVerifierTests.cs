using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Revocation;

/// <summary>
/// <c>/certificate verify</c> on chains made by .NET with faults RosCert never issues: an issuer that
/// is no CA, a path length exceeded, an untrusted or missing anchor, an expired leaf.
/// </summary>
public sealed class ChainVerifierTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TestConsole _console = new();

    public void Dispose() => _console.Dispose();

    [Fact]
    public void An_issuer_without_ca_and_key_cert_sign_fails_both_checks()
    {
        using RSA rootKey = RSA.Create(2048);
        using X509Certificate2 root = Root(rootKey, "CN=Root", ca: false, pathLength: null);
        using X509Certificate2 leaf = Issue(root, rootKey, "CN=Leaf", ca: false);
        Import(root, "root", trusted: true);
        Import(leaf, "leaf", trusted: false);

        string output = _console.Run("/certificate verify leaf");
        Assert.Contains("key-usage=\"no key-cert-sign\"", output, StringComparison.Ordinal);
        Assert.Contains("basic-constraints=\"not a CA\"", output, StringComparison.Ordinal);
        Assert.EndsWith("verdict: failed: root may not sign certificates (no key-cert-sign)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_length_of_zero_allows_no_intermediate()
    {
        using RSA rootKey = RSA.Create(2048);
        using RSA middleKey = RSA.Create(2048);
        using X509Certificate2 root = Root(rootKey, "CN=Root", ca: true, pathLength: 0);
        using X509Certificate2 middle = Issue(root, rootKey, "CN=Middle", ca: true, middleKey);
        using X509Certificate2 middleWithKey = middle.CopyWithPrivateKey(middleKey);
        using X509Certificate2 leaf = Issue(middleWithKey, middleKey, "CN=Leaf", ca: false);
        Import(root, "root", trusted: true);
        Import(middle, "middle", trusted: false);
        Import(leaf, "leaf", trusted: false);

        string output = _console.Run("/certificate verify leaf");
        Assert.Contains(" 2 T name=root", output, StringComparison.Ordinal);
        Assert.EndsWith("verdict: failed: root: basic constraints: path length 1 exceeds 0\n", output, StringComparison.Ordinal);
        Assert.EndsWith("verdict: ok\n", _console.Run("/certificate verify middle"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_chain_must_end_at_a_trusted_certificate()
    {
        using RSA rootKey = RSA.Create(2048);
        using X509Certificate2 root = Root(rootKey, "CN=Root", ca: true, pathLength: null);
        using X509Certificate2 leaf = Issue(root, rootKey, "CN=Leaf", ca: false);
        Import(leaf, "leaf", trusted: false);
        string alone = _console.Run("/certificate verify leaf");
        Assert.Contains("signature=\"issuer not found\"", alone, StringComparison.Ordinal);

        Import(root, "root", trusted: false);
        Assert.EndsWith("verdict: failed: root is not trusted\n", _console.Run("/certificate verify leaf"), StringComparison.Ordinal);
        _console.Run("/certificate set root trusted=yes");
        Assert.EndsWith("verdict: ok\n", _console.Run("/certificate verify leaf"), StringComparison.Ordinal);

        _console.Clock.Advance(TimeSpan.FromDays(400));
        Assert.EndsWith("verdict: failed: leaf is expired\n", _console.Run("/certificate verify leaf"), StringComparison.Ordinal);
        Assert.Equal("failure: t is a template, not a certificate\n", Template());
    }

    private string Template()
    {
        _console.Run("/certificate add name=t common-name=t");
        return _console.Run("/certificate verify t");
    }

    private void Import(X509Certificate2 certificate, string name, bool trusted)
    {
        _console.Environment.Files.WriteAtomic(name + ".pem", Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
        Assert.Contains("certificates-imported: 1", _console.Run($"/certificate import file-name={name}.pem name={name} trusted={(trusted ? "yes" : "no")}"), StringComparison.Ordinal);
    }

    private static X509Certificate2 Root(RSA key, string name, bool ca, int? pathLength)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, pathLength is not null, pathLength ?? 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(ca ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(s_start, s_start.AddYears(5));
    }

    /// <summary>Signed through a generator, so .NET does not refuse an issuer that is no CA.</summary>
    private static X509Certificate2 Issue(X509Certificate2 issuer, RSA issuerKey, string name, bool ca, RSA? subjectKey = null)
    {
        using RSA own = RSA.Create(2048);
        var request = new CertificateRequest(name, subjectKey ?? own, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(ca ? X509KeyUsageFlags.KeyCertSign : X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        X509SignatureGenerator generator = X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1);
        return request.Create(issuer.SubjectName, generator, s_start, s_start.AddYears(1), [0x01, (byte)name.Length, (byte)name[3]]);
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Import;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>
/// CertificateFacts reads the facts of a certificate from its DER with System.Formats.Asn1 instead of
/// OpenSSL's parse (issue 9). Every fact must be what <see cref="X509Certificate2"/> gives for the
/// same bytes: checked on every certificate of the system bundle (RSA and EC roots, old and new).
/// </summary>
public sealed class CertificatePartsTests
{
    private const string Bundle = "/etc/ssl/certs/ca-certificates.crt";

    public static TheoryData<int> BundleIndexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < BundleCertificates.Value.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BundleIndexes))]
    public void Facts_of_a_bundle_certificate_are_those_of_x509certificate2(int index)
    {
        byte[] der = BundleCertificates.Value[index];
        using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);

        IssuedCertificate facts = CertificateFacts.Describe(der);
        Assert.Equal(Skid(certificate), facts.Skid);
        Assert.Equal(Akid(certificate), facts.Akid);
        Assert.Equal(DistinguishedNames.Format(certificate.IssuerName), facts.Issuer);
        Assert.Equal(DistinguishedNames.Format(certificate.IssuerName), CertificateFacts.IssuerOf(der));
        Assert.Equal(certificate.PublicKey.ExportSubjectPublicKeyInfo(), CertificateFacts.PublicKeyInfoOf(der));
        Assert.Equal(Subject(certificate.SubjectName), CertificateFacts.SubjectOf(der));
        Assert.Equal(IsAuthority(certificate), CertificateFacts.IsCertificateAuthority(der));
        Assert.Equal(RawSanDnsNames(certificate), CertificateFacts.SubjectAltNamesOf(der).Where(s => s.Kind == SanKind.Dns).Select(s => s.Value));
        Assert.Equal(KeyUsageBits(certificate), CertificateFacts.KeyUsageOf(der) & KnownBits);
        Assert.Equal(
            RosCert.Core.Signatures.SignatureAlgorithms.Find(certificate.SignatureAlgorithm.Value!)?.Digest ?? DigestAlgorithm.Sha256,
            CertificateFacts.SignatureDigestOf(der));
    }

    [Fact]
    public void The_bundle_has_rsa_and_ec_roots()
    {
        Assert.True(BundleCertificates.Value.Count > 100);
        Assert.Contains(BundleCertificates.Value, der => CertificateFacts.KeySizeOf(der).Name.Contains("prime256v1", StringComparison.Ordinal) || CertificateFacts.KeySizeOf(der).Name.Contains("secp384r1", StringComparison.Ordinal));
        Assert.Contains(BundleCertificates.Value, der => CertificateFacts.KeySizeOf(der).Name == "4096");
    }

    [Fact]
    public void A_damaged_authority_key_identifier_fails_when_read_not_when_decoded()
    {
        // The AKI extension's value is no valid DER: the import of such a certificate fails as a
        // whole ("file contains a damaged certificate") at the akid, after its key size was read.
        byte[] der = WithDamagedAkid();

        _ = CertificateFacts.KeySizeOf(der);
        _ = CertificateFacts.SubjectOf(der);
        Assert.ThrowsAny<CryptographicException>(() => CertificateFacts.Describe(der));
    }

    private const KeyUsage KnownBits = KeyUsage.DigitalSignature | KeyUsage.KeyCertSign | KeyUsage.CrlSign;

    private static readonly Lazy<IReadOnlyList<byte[]>> BundleCertificates =
        new(() => ImportReader.Read(File.ReadAllBytes(Bundle), null).Certificates);

    private static string Skid(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifier?.ToUpperInvariant() ?? "";

    private static string Akid(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()?.KeyIdentifier is { } id ? Convert.ToHexString(id.Span) : "";

    private static bool IsAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault()?.CertificateAuthority == true;

    private static KeyUsage KeyUsageBits(X509Certificate2 certificate)
    {
        X509KeyUsageFlags flags = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages ?? X509KeyUsageFlags.None;
        return (flags.HasFlag(X509KeyUsageFlags.DigitalSignature) ? KeyUsage.DigitalSignature : KeyUsage.None)
            | (flags.HasFlag(X509KeyUsageFlags.KeyCertSign) ? KeyUsage.KeyCertSign : KeyUsage.None)
            | (flags.HasFlag(X509KeyUsageFlags.CrlSign) ? KeyUsage.CrlSign : KeyUsage.None);
    }

    private static IEnumerable<string> RawSanDnsNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault()?.EnumerateDnsNames() ?? [];

    private static SubjectFields Subject(X500DistinguishedName name)
    {
        string Part(string oid) => name.EnumerateRelativeDistinguishedNames(reversed: false)
            .Where(r => !r.HasMultipleElements && r.GetSingleElementType().Value == oid)
            .Select(r => r.GetSingleElementValue())
            .FirstOrDefault() ?? "";
        return new SubjectFields(Part("2.5.4.3"), Part("2.5.4.6"), Part("2.5.4.8"), Part("2.5.4.7"), Part("2.5.4.10"), Part("2.5.4.11"));
    }

    /// <summary>A self-signed certificate whose AKI extension holds bytes that are no DER.</summary>
    private static byte[] WithDamagedAkid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=damaged", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509Extension("2.5.29.35", [0x30, 0x05, 0x80, 0x09, 0x01], critical: false));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.RawData;
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>The extensions RouterOS puts into a signed certificate, their order and contents (reference §8).</summary>
public sealed class ExtensionTests
{
    public static TheoryData<string> Keywords() => [.. KeyUsages.Keywords];

    [Theory]
    [MemberData(nameof(Keywords))]
    public void Every_key_usage_keyword_maps_to_its_bit_or_OID_and_reads_back(string keyword)
    {
        KeyUsageKeyword row = KeyUsages.Table.Single(r => r.Keyword == keyword);
        byte[] der = SelfSigned(row.Flag);
        using X509Certificate2 certificate = IssuanceFixture.Load(der);
        X509Extension? ku = certificate.Extensions["2.5.29.15"];
        X509Extension? eku = certificate.Extensions["2.5.29.37"];
        if (row.Extension == KeyUsageExtension.KeyUsage)
        {
            Assert.Null(eku);
            Assert.Equal([row.Bit], SetBits(ku!.RawData));
        }
        else
        {
            Assert.Null(ku);
            Assert.Equal([row.Oid!], ((X509EnhancedKeyUsageExtension)eku!).EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!));
        }

        Assert.Equal(row.Flag, CertificateFacts.KeyUsageOf(der));
        Assert.Equal(keyword, KeyUsages.Format(CertificateFacts.KeyUsageOf(der)));
    }

    [Fact]
    public void All_keywords_together_read_back_and_EKU_OIDs_follow_table_order()
    {
        KeyUsage all = KeyUsages.Table.Aggregate(KeyUsage.None, (sum, row) => sum | row.Flag);
        byte[] der = SelfSigned(all);
        Assert.Equal(all, CertificateFacts.KeyUsageOf(der));
        using X509Certificate2 certificate = IssuanceFixture.Load(der);
        var eku = (X509EnhancedKeyUsageExtension)certificate.Extensions["2.5.29.37"]!;
        Assert.Equal(KeyUsages.Table.Where(r => r.Oid is not null).Select(r => r.Oid!), eku.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!));
        Assert.Equal(Enumerable.Range(0, 9), SetBits(certificate.Extensions["2.5.29.15"]!.RawData));
    }

    [Theory]
    [InlineData(KeyUsage.KeyCertSign, true)]
    [InlineData(KeyUsages.Default, true)]
    [InlineData(KeyUsage.CrlSign | KeyUsage.DigitalSignature, false)]
    [InlineData(KeyUsage.TlsServer, false)]
    [InlineData(KeyUsage.None, false)]
    public void Basic_constraints_are_critical_with_cA_exactly_for_key_cert_sign(KeyUsage usage, bool authority)
    {
        byte[] der = SelfSigned(usage);
        using X509Certificate2 certificate = IssuanceFixture.Load(der);
        var constraints = (X509BasicConstraintsExtension)certificate.Extensions["2.5.29.19"]!;
        Assert.True(constraints.Critical);
        Assert.Equal(authority, constraints.CertificateAuthority);
        Assert.False(constraints.HasPathLengthConstraint);
        Assert.Equal(authority, CertificateFacts.IsCertificateAuthority(der));
        Assert.Equal(authority ? "30030101FF" : "3000", Convert.ToHexString(constraints.RawData));
    }

    [Fact]
    public void No_key_usage_keyword_means_neither_KU_nor_EKU_nor_SAN()
    {
        using X509Certificate2 certificate = IssuanceFixture.Load(SelfSigned(KeyUsage.None));
        Assert.Equal(["2.5.29.19", "2.5.29.14", "2.5.29.35"], certificate.Extensions.Select(e => e.Oid!.Value!));
    }

    [Fact]
    public void Issued_certificate_has_the_extensions_in_RouterOS_order_with_RFC_5280_criticality()
    {
        (IssuedCertificate ca, IssuedCertificate leaf) = IssueLeaf(["192.0.2.10"]);
        using X509Certificate2 certificate = IssuanceFixture.Load(leaf.Der);
        Assert.Equal(
            ["2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.17", "2.5.29.14", "2.5.29.35", "2.5.29.31"],
            certificate.Extensions.Select(e => e.Oid!.Value!));
        Assert.Equal([true, true, false, false, false, false, false], certificate.Extensions.Select(e => e.Critical));
        Assert.NotEqual(ca.Skid, leaf.Skid);
    }

    [Fact]
    public void Subject_alt_names_keep_DNS_IP_and_email_entries_in_order()
    {
        SanEntry[] sans =
        [
            new(SanKind.Dns, "*.lab.example"), new(SanKind.Ip, "192.0.2.7"), new(SanKind.Ip, "2001:db8::7"),
            new(SanKind.Email, "admin@lab.example"), new(SanKind.Dns, "lab.example"),
        ];
        IssuedCertificate issued = IssuanceFixture.Issuer().Issue(IssuanceFixture.Request(IssuanceFixture.EcKey, sans: sans), IssuanceFixture.EcKey, null);
        Assert.Equal(sans, CertificateFacts.SubjectAltNamesOf(issued.Der));
        using X509Certificate2 certificate = IssuanceFixture.Load(issued.Der);
        var san = (X509SubjectAlternativeNameExtension)certificate.Extensions["2.5.29.17"]!;
        Assert.Equal(["*.lab.example", "lab.example"], san.EnumerateDnsNames());
        Assert.Equal(16, san.EnumerateIPAddresses().ElementAt(1).GetAddressBytes().Length);
    }

    [Fact]
    public void Subject_key_id_is_the_SHA1_of_the_public_key_bits_and_akid_is_the_CA_skid()
    {
        (IssuedCertificate ca, IssuedCertificate leaf) = IssueLeaf([]);
        using X509Certificate2 certificate = IssuanceFixture.Load(leaf.Der);
        var reference = new X509SubjectKeyIdentifierExtension(certificate.PublicKey, X509SubjectKeyIdentifierHashAlgorithm.Sha1, false);
        Assert.Equal(reference.SubjectKeyIdentifier, leaf.Skid);
        Assert.Matches("^[0-9A-F]{40}$", leaf.Skid);
        Assert.Equal(ca.Skid, leaf.Akid);
        Assert.Equal(leaf.Skid, CertificateFacts.SkidOf(leaf.Der));
        Assert.Equal(leaf.Akid, CertificateFacts.AkidOf(leaf.Der));
        Assert.Equal(Convert.FromHexString(leaf.Skid), KeyIdentifiers.SubjectKeyId(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
        Assert.Null(certificate.Extensions["2.5.29.31"]);
    }

    [Fact]
    public void CRL_distribution_point_has_one_URI_per_CA_host_named_by_the_CA_skid()
    {
        (IssuedCertificate ca, IssuedCertificate leaf) = IssueLeaf(["192.0.2.10", "crl.lab.example", "2001:db8::1"]);
        Assert.Equal(
            [$"http://192.0.2.10/crl/{ca.Skid}.crl", $"http://crl.lab.example/crl/{ca.Skid}.crl", $"http://[2001:db8::1]/crl/{ca.Skid}.crl"],
            CertificateFacts.CrlDistributionPointsOf(leaf.Der));
        using X509Certificate2 certificate = IssuanceFixture.Load(leaf.Der);
        AsnReader points = new AsnReader(certificate.Extensions["2.5.29.31"]!.RawData, AsnEncodingRules.DER).ReadSequence();
        _ = points.ReadSequence();
        Assert.False(points.HasData); // one DistributionPoint
    }

    [Fact]
    public void Akid_and_CRL_name_come_from_the_CA_certificate_SKI_extension_even_when_not_method_1()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Odd CA", caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension("ABABABABAB", false));
        using X509Certificate2 caCertificate = request.CreateSelfSigned(IssuanceFixture.Now.AddDays(-1), IssuanceFixture.Now.AddDays(10));
        var authority = new SigningAuthority(caCertificate.RawData, caKey.ExportPkcs8PrivateKey(), ["crl"]);
        IssuedCertificate leaf = IssuanceFixture.Issuer().Issue(IssuanceFixture.Request(IssuanceFixture.RsaKey), null, authority);
        Assert.Equal("ABABABABAB", leaf.Akid);
        Assert.Equal(["http://crl/crl/ABABABABAB.crl"], CertificateFacts.CrlDistributionPointsOf(leaf.Der));
        Assert.Equal("CN=Odd CA", leaf.Issuer);
        IssuanceFixture.VerifySignature(leaf.Der, caCertificate.RawData);
    }

    [Fact]
    public void Subject_fields_and_key_size_read_back()
    {
        var request = IssuanceFixture.Request(IssuanceFixture.EcKey) with { Subject = new SubjectFields("cn", "US", "st", "l", "o", "ou") };
        IssuedCertificate issued = IssuanceFixture.Issuer().Issue(request, IssuanceFixture.EcKey, null);
        Assert.Equal(request.Subject, CertificateFacts.SubjectOf(issued.Der));
        Assert.Equal(KeySize.Prime256v1, CertificateFacts.KeySizeOf(issued.Der));
        Assert.Equal("C=US,ST=st,L=l,O=o,OU=ou,CN=cn", CertificateFacts.IssuerOf(issued.Der));
    }

    private static byte[] SelfSigned(KeyUsage usage) => IssuanceFixture.SelfSigned(IssuanceFixture.EcKey, usage).Der;

    private static (IssuedCertificate Ca, IssuedCertificate Leaf) IssueLeaf(IReadOnlyList<string> crlHosts)
    {
        IssuedCertificate ca = IssuanceFixture.SelfSigned(IssuanceFixture.RsaKey, KeyUsage.KeyCertSign | KeyUsage.CrlSign);
        var request = IssuanceFixture.Request(IssuanceFixture.EcKey, "leaf", KeyUsage.DigitalSignature | KeyUsage.TlsServer, sans: [new SanEntry(SanKind.Dns, "leaf.example")]);
        IssuedCertificate leaf = IssuanceFixture.Issuer().Issue(request, null, new SigningAuthority(ca.Der, IssuanceFixture.RsaKey, crlHosts));
        return (ca, leaf);
    }

    /// <summary>The named bits set in a KeyUsage BIT STRING, bit 0 first (RFC 5280 §4.2.1.3).</summary>
    private static int[] SetBits(byte[] extensionValue)
    {
        byte[] bits = new AsnReader(extensionValue, AsnEncodingRules.DER).ReadBitString(out _);
        return Enumerable.Range(0, bits.Length * 8).Where(n => (bits[n / 8] & (0x80 >> (n % 8))) != 0).ToArray();
    }
}

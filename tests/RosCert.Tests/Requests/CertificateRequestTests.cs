using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RosCert.Codecs.Pem;
using RosCert.Core.Model;
using RosCert.Core.Requests;
using Xunit;

namespace RosCert.Tests.Requests;

public sealed class CertificateRequestTests
{
    private static readonly X500DistinguishedName s_subject = new("CN=router.test, OU=net, O=Example, L=Riga, S=Riga, C=LV");

    internal static byte[] Make(byte[] key, DigestAlgorithm digest = DigestAlgorithm.Sha256, KeyUsage usage = KeyUsages.Default,
        IReadOnlyList<SanEntry>? san = null, string? challenge = null) =>
        CertificateRequests.Create(s_subject, san ?? [], usage, digest, key, challenge);

    public static TheoryData<string, DigestAlgorithm> Signatures() => new()
    {
        { "rsa", DigestAlgorithm.Md5 }, { "rsa", DigestAlgorithm.Sha1 }, { "rsa", DigestAlgorithm.Sha256 },
        { "rsa", DigestAlgorithm.Sha384 }, { "rsa", DigestAlgorithm.Sha512 }, { "ec", DigestAlgorithm.Sha1 },
        { "ec", DigestAlgorithm.Sha256 }, { "ec", DigestAlgorithm.Sha384 }, { "ec", DigestAlgorithm.Sha512 },
    };

    private static byte[] Key(string type) => type == "rsa" ? TestKeys.Rsa : TestKeys.Ec;

    [Theory]
    [MemberData(nameof(Signatures))]
    public void A_created_request_loads_with_a_valid_signature(string keyType, DigestAlgorithm digest)
    {
        SigningRequest request = CertificateRequests.Load(Make(Key(keyType), digest));
        Assert.True(request.SignatureValid);
        Assert.Equal(digest, request.SignatureDigest);
        Assert.Equal(PrivateKeys.PublicKeyInfo(Key(keyType)), request.SubjectPublicKeyInfo);
    }

    [Fact]
    public void Ec_with_md5_is_refused_with_the_RouterOS_text()
    {
        Exception error = Assert.ThrowsAny<Exception>(() => Make(TestKeys.Ec, DigestAlgorithm.Md5));
        Assert.Equal("md5 digest can not be used with EC keys", error.Message);
    }

    [Fact]
    public void Subject_parts_are_read_back()
    {
        SigningRequest request = CertificateRequests.Load(Make(TestKeys.Ec));
        Assert.Equal(
            ["router.test", "LV", "Riga", "Riga", "Example", "net"],
            [request.CommonName, request.Country, request.State, request.Locality, request.Organization, request.Unit]);
        Assert.Equal(s_subject.RawData, request.Subject.RawData);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_tampered_request_has_an_invalid_signature(int part)
    {
        byte[] der = Make(TestKeys.Rsa, DigestAlgorithm.Sha1);
        int at = part switch
        {
            0 => der.AsSpan().IndexOf("router.test"u8) + 1, // subject
            1 => der.Length - 5, // signature
            _ => der.AsSpan().IndexOf("router.test"u8) + 100, // RSA modulus
        };
        der[at] ^= 0x01;
        Assert.False(CertificateRequests.Load(der).SignatureValid);
    }

    [Theory]
    [InlineData("Secret-1 (ok)?", 0x13)]
    [InlineData("p@ss_wörd", 0x0C)]
    public void Challenge_password_round_trips_as_printable_or_utf8(string password, byte tag)
    {
        byte[] der = Make(TestKeys.Ec, challenge: password);
        Assert.Equal(password, CertificateRequests.Load(der).ChallengePassword);
        byte[] oid = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x07, 0x31];
        int at = der.AsSpan().IndexOf(oid);
        Assert.Equal(tag, der[at + oid.Length + 1]);
    }

    [Fact]
    public void Without_challenge_or_extensions_none_are_written()
    {
        SigningRequest request = CertificateRequests.Load(Make(TestKeys.Ec, usage: KeyUsage.None, challenge: ""));
        Assert.Null(request.ChallengePassword);
        Assert.Equal(KeyUsage.None, request.KeyUsage);
        Assert.Empty(request.SubjectAltNames);
    }

    public static TheoryData<string> Keywords() => [.. KeyUsages.Keywords];

    [Theory]
    [MemberData(nameof(Keywords))]
    public void Every_key_usage_keyword_round_trips_alone(string keyword)
    {
        Assert.True(KeyUsages.TryParseKeyword(keyword, out KeyUsage flag));
        Assert.Equal(flag, CertificateRequests.Load(Make(TestKeys.Ec, usage: flag)).KeyUsage);
    }

    [Fact]
    public void All_key_usage_keywords_and_san_kinds_round_trip_together()
    {
        KeyUsage all = KeyUsages.Table.Aggregate(KeyUsage.None, (a, k) => a | k.Flag);
        Assert.True(SubjectAltNames.TryParse("DNS:*.router.test,IP:192.0.2.1,IP:2001:db8::1,email:admin@router.test,DNS:x", out IReadOnlyList<SanEntry> san, out _));
        SigningRequest request = CertificateRequests.Load(Make(TestKeys.Rsa, usage: all, san: san));
        Assert.Equal(all, request.KeyUsage);
        Assert.Equal(san, request.SubjectAltNames);
    }

    [Fact]
    public void An_invalid_san_entry_is_refused_when_creating() =>
        Assert.Throws<ArgumentException>(() => Make(TestKeys.Ec, san: [new SanEntry(SanKind.Dns, "bad name")]));

    [Theory]
    [InlineData("CERTIFICATE REQUEST")]
    [InlineData("NEW CERTIFICATE REQUEST")]
    public void Pem_with_either_label_loads(string label)
    {
        byte[] der = Make(TestKeys.Ec);
        string pem = "\uFEFF\n" + PemFile.Write("CERTIFICATE", [1, 2]) + PemFile.Write(label, der);
        SigningRequest request = CertificateRequests.Load(Encoding.UTF8.GetBytes(pem));
        Assert.Equal(der, request.Der);
        Assert.True(request.SignatureValid);
    }

    [Fact]
    public void Oversized_and_non_request_input_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => CertificateRequests.Load(new byte[CertificateRequests.MaxRequestSize + 1]));
        Assert.Throws<FormatException>(() => CertificateRequests.Load(Encoding.ASCII.GetBytes(PemFile.Write("CERTIFICATE", [0x30, 0]))));
        Assert.Throws<FormatException>(() => CertificateRequests.Load([]));
        Assert.Throws<FormatException>(() => CertificateRequests.Load([.. Make(TestKeys.Ec), 0]));
    }
}

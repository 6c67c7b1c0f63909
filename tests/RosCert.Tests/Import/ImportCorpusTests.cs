using RosCert.Core.Import;
using Xunit;

namespace RosCert.Tests.Import;

/// <summary>Each corpus file with the right passphrase: counts, file order, and keys that match their certificates.</summary>
public sealed class ImportCorpusTests
{
    /// <summary>File, passphrase, certificates, keys, CRLs, and the certificate the keys belong to.</summary>
    public static TheoryData<string, string?, int, int, int, string?> Files() => new()
    {
        { "ca.pem", null, 1, 0, 0, null },
        { "rsa.pem", null, 1, 0, 0, null },
        { "rsa.der", null, 1, 0, 0, null },
        { "chain-dup.pem", null, 2, 0, 0, null },
        { "ca-trusted.pem", null, 1, 0, 0, null },
        { "chain.p7b.pem", null, 2, 0, 0, null },
        { "chain.p7b", null, 2, 0, 0, null },
        { "ca-with-crl.p7b.pem", null, 1, 0, 1, null },
        { "ca.crl.pem", null, 0, 0, 1, null },
        { "ca.crl.der", null, 0, 0, 1, null },
        { "ca.key", null, 0, 1, 0, "ca.pem" },
        { "rsa.key", null, 0, 1, 0, "rsa.pem" },
        { "ec.key", null, 0, 1, 0, "ec.pem" },
        { "ec-params.key", null, 0, 1, 0, "ec.pem" },
        { "rsa-pkcs1.key", null, 0, 1, 0, "rsa.pem" },
        { "ec-sec1.key", null, 0, 1, 0, "ec.pem" },
        { "rsa-pkcs8.der", null, 0, 1, 0, "rsa.pem" },
        { "rsa-cert-and-key.pem", null, 1, 1, 0, "rsa.pem" },
        { "rsa-enc-pkcs8.key", "secret", 0, 1, 0, "rsa.pem" },
        { "ec-enc-pkcs8.key", "secret", 0, 1, 0, "ec.pem" },
        { "rsa-enc-pbes1.key", "secret", 0, 1, 0, "rsa.pem" },
        { "ec-enc-pkcs8.der", "secret", 0, 1, 0, "ec.pem" },
        { "rsa-legacy-des.key", "secret", 0, 1, 0, "rsa.pem" },
        { "rsa-legacy-des3.key", "secret", 0, 1, 0, "rsa.pem" },
        { "rsa-legacy-aes128.key", "secret", 0, 1, 0, "rsa.pem" },
        { "rsa-legacy-aes192.key", "secret", 0, 1, 0, "rsa.pem" },
        { "rsa-legacy-aes256.key", "secret", 0, 1, 0, "rsa.pem" },
        { "ec-legacy-aes256.key", "secret", 0, 1, 0, "ec.pem" },
        { "ec-legacy-des3.key", "secret", 0, 1, 0, "ec.pem" },
        { "rsa-cert-and-legacy-key.pem", "secret", 1, 1, 0, "rsa.pem" },
        { "rsa-modern.p12", "secret", 2, 1, 0, "rsa.pem" },
        { "rsa-legacy.p12", "secret", 2, 1, 0, "rsa.pem" },
        { "ec-descert.p12", "secret", 1, 1, 0, "ec.pem" },
        { "ec-nomac.p12", "secret", 1, 1, 0, "ec.pem" },
        { "ec-empty.p12", "", 1, 1, 0, "ec.pem" },
        { "ec-empty.p12", null, 1, 1, 0, "ec.pem" },
        { "ca-only.p12", "secret", 1, 0, 0, null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_file_reads_as_expected(string file, string? passphrase, int certificates, int keys, int crls, string? keyOwner)
    {
        ImportResult result = ImportCorpus.Read(file, passphrase);

        Assert.Equal((certificates, keys, crls, 0), (result.Certificates.Count, result.PrivateKeys.Count, result.Crls.Count, result.DecryptionFailures));
        if (keyOwner is not null)
        {
            ImportCorpus.AssertKeysMatch(result, keyOwner);
        }
    }

    [Theory]
    [InlineData("chain-dup.pem")]
    [InlineData("chain.p7b")]
    [InlineData("rsa-modern.p12")]
    public void Certificates_come_in_file_order_leaf_first(string file)
    {
        ImportResult result = ImportCorpus.Read(file);

        Assert.Equal(ImportCorpus.CertificateDer("rsa.pem"), result.Certificates[0]);
        Assert.Equal(ImportCorpus.CertificateDer("ca.pem"), result.Certificates[1]);
    }

    [Fact]
    public void Trusted_certificate_is_the_leading_certificate_without_openssl_trust_settings() =>
        Assert.Equal(ImportCorpus.CertificateDer("ca.pem"), Assert.Single(ImportCorpus.Read("ca-trusted.pem").Certificates));

    [Fact]
    public void Crl_in_pem_and_der_is_the_same_der() =>
        Assert.Equal(Assert.Single(ImportCorpus.Read("ca.crl.der").Crls), Assert.Single(ImportCorpus.Read("ca.crl.pem").Crls));

    [Fact]
    public void Every_key_form_of_one_key_gives_the_same_pkcs8()
    {
        string[] forms = ["rsa.key", "rsa-pkcs1.key", "rsa-pkcs8.der", "rsa-enc-pkcs8.key", "rsa-enc-pbes1.key", "rsa-legacy-des.key", "rsa-legacy-aes256.key", "rsa-modern.p12"];
        byte[][] keys = [.. forms.Select(form => Assert.Single(ImportCorpus.Read(form).PrivateKeys))];

        Assert.All(keys, key => Assert.Equal(keys[0], key));
    }

    [Fact]
    public void System_bundle_reads_as_one_certificate_per_begin_line()
    {
        const string Bundle = "/etc/ssl/certs/ca-certificates.crt";
        string text = File.ReadAllText(Bundle);
        int begins = text.Split('\n').Count(line => line.StartsWith("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal));

        ImportResult result = ImportReader.Read(File.ReadAllBytes(Bundle), null);

        Assert.True(begins > 100, $"{Bundle} has only {begins} certificates");
        Assert.Equal(begins, result.Certificates.Count);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("make-corpus.sh")]
    public void Text_that_is_no_pem_is_a_format_error(string file) =>
        Assert.Throws<ImportFormatException>(() => ImportCorpus.Read(file));
}

using RosCert.Core.Import;
using Xunit;

namespace RosCert.Tests.Import;

/// <summary>A wrong or missing passphrase: one decryption failure, nothing encrypted, clear content kept.</summary>
public sealed class ImportPassphraseTests
{
    public static TheoryData<string> EncryptedFiles() =>
    [
        "rsa-enc-pkcs8.key", "ec-enc-pkcs8.key", "rsa-enc-pbes1.key", "ec-enc-pkcs8.der",
        "rsa-legacy-des.key", "rsa-legacy-des3.key", "rsa-legacy-aes128.key", "rsa-legacy-aes192.key", "rsa-legacy-aes256.key",
        "ec-legacy-aes256.key", "ec-legacy-des3.key",
        "rsa-modern.p12", "rsa-legacy.p12", "ec-descert.p12", "ec-nomac.p12", "ca-only.p12",
    ];

    [Theory]
    [MemberData(nameof(EncryptedFiles))]
    public void Wrong_passphrase_gives_one_failure_and_nothing_else(string file) => AssertNothing(ImportCorpus.Read(file, "wrong"));

    [Theory]
    [MemberData(nameof(EncryptedFiles))]
    public void Missing_passphrase_gives_one_failure_and_nothing_else(string file) => AssertNothing(ImportCorpus.Read(file, null));

    [Theory]
    [InlineData("wrong")]
    [InlineData(null)]
    public void Clear_certificate_beside_an_encrypted_key_is_still_returned(string? passphrase)
    {
        ImportResult result = ImportCorpus.Read("rsa-cert-and-legacy-key.pem", passphrase);

        Assert.Equal(ImportCorpus.CertificateDer("rsa.pem"), Assert.Single(result.Certificates));
        Assert.Empty(result.PrivateKeys);
        Assert.Equal(1, result.DecryptionFailures);
    }

    [Fact]
    public void Empty_password_pkcs12_refuses_a_real_passphrase() => AssertNothing(ImportCorpus.Read("ec-empty.p12", "secret"));

    [Fact]
    public void Passphrase_is_ignored_by_clear_files() =>
        Assert.Equal(0, ImportCorpus.Read("rsa-cert-and-key.pem", "anything").DecryptionFailures);

    [Theory]
    [MemberData(nameof(EncryptedFiles))]
    [InlineData("rsa-cert-and-legacy-key.pem")]
    [InlineData("ec-empty.p12")]
    public void Encrypted_content_is_detected(string file) => Assert.True(ImportReader.HasEncryptedContent(ImportCorpus.Bytes(file)));

    [Theory]
    [InlineData("rsa.pem")]
    [InlineData("rsa.key")]
    [InlineData("rsa-pkcs8.der")]
    [InlineData("ec-params.key")]
    [InlineData("chain.p7b")]
    [InlineData("ca.crl.der")]
    [InlineData("README.md")]
    public void Clear_content_needs_no_passphrase(string file) => Assert.False(ImportReader.HasEncryptedContent(ImportCorpus.Bytes(file)));

    private static void AssertNothing(ImportResult result)
    {
        Assert.Equal(1, result.DecryptionFailures);
        Assert.Empty(result.Certificates);
        Assert.Empty(result.PrivateKeys);
        Assert.Empty(result.Crls);
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using RosCert.Codecs.Pem;
using RosCert.Core.Model;
using RosCert.Core.Requests;
using Xunit;

namespace RosCert.Tests.Requests;

public sealed class PrivateKeysTests
{
    [Fact]
    public void Open_gives_the_right_algorithm_and_public_key()
    {
        using AsymmetricAlgorithm rsa = PrivateKeys.Open(TestKeys.Rsa);
        using AsymmetricAlgorithm ec = PrivateKeys.Open(TestKeys.Ec);
        Assert.IsAssignableFrom<RSA>(rsa);
        Assert.IsAssignableFrom<ECDsa>(ec);
        Assert.Equal(KeyType.Rsa, PrivateKeys.TypeOf(TestKeys.Rsa));
        Assert.Equal(ec.ExportSubjectPublicKeyInfo(), PrivateKeys.PublicKeyInfo(TestKeys.Ec));
    }

    [Fact]
    public void Garbage_is_a_cryptographic_error() =>
        Assert.Throws<CryptographicException>(() => PrivateKeys.Open([0x30, 0x03, 0x02, 0x01, 0x00]));

    [Fact]
    public void Encrypted_pem_opens_with_the_passphrase_only()
    {
        string pem = PrivateKeys.ExportEncryptedPem(TestKeys.Ec, "secret");
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        using var key = ECDsa.Create();
        key.ImportFromEncryptedPem(pem, "secret");
        Assert.Equal(PrivateKeys.PublicKeyInfo(TestKeys.Ec), key.ExportSubjectPublicKeyInfo());
        using var other = ECDsa.Create();
        Assert.ThrowsAny<CryptographicException>(() => other.ImportFromEncryptedPem(pem, "wrong"));
    }

    [Fact]
    public void Encryption_is_pbes2_pbkdf2_sha256_aes256cbc()
    {
        byte[] der = Assert.Single(PemFile.ReadAll(PrivateKeys.ExportEncryptedPem(TestKeys.Rsa, "secret"))).Data;
        // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier {{PBES2}}, encryptedData OCTET STRING }
        AsnReader algorithm = new AsnReader(der, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        Assert.Equal("1.2.840.113549.1.5.13", algorithm.ReadObjectIdentifier());
        AsnReader parameters = algorithm.ReadSequence();
        AsnReader kdf = parameters.ReadSequence();
        Assert.Equal("1.2.840.113549.1.5.12", kdf.ReadObjectIdentifier());
        AsnReader pbkdf2 = kdf.ReadSequence();
        _ = pbkdf2.ReadOctetString();
        Assert.Equal(PrivateKeys.Pbkdf2Iterations, (int)pbkdf2.ReadInteger());
        Assert.Equal(100_000, PrivateKeys.Pbkdf2Iterations);
        Assert.Equal("1.2.840.113549.2.9", pbkdf2.ReadSequence().ReadObjectIdentifier());
        Assert.Equal("2.16.840.1.101.3.4.1.42", parameters.ReadSequence().ReadObjectIdentifier());
    }

    [Fact]
    public void An_empty_passphrase_is_refused() =>
        Assert.Throws<ArgumentException>(() => PrivateKeys.ExportEncryptedPem(TestKeys.Ec, ""));
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Export;
using RosCert.Core.Model;
using RosCert.Core.Requests;
using RosCert.Tests.Shared;
using Xunit;

namespace RosCert.Tests.Export;

/// <summary><c>export-certificate type=pkcs12</c> read back by .NET: Pkcs12Info, the X509 loader, AsnReader.</summary>
public sealed class Pkcs12WriterTests
{
    private const string Passphrase = "x";
    private const string Name = "router-cert";
    private const string FriendlyNameOid = "1.2.840.113549.1.9.20";
    private const string LocalKeyIdOid = "1.2.840.113549.1.9.21";

    /// <summary>Exactly what the file spends: one MAC, two PBES2 encryptions (certificates and key).</summary>
    private static readonly Pkcs12LoaderLimits s_limits = new()
    {
        MacIterationLimit = Pkcs12Writer.Iterations,
        IndividualKdfIterationLimit = Pkcs12Writer.Iterations,
        TotalKdfIterationLimit = 3 * Pkcs12Writer.Iterations,
    };

    private static byte[] WithKey(KeyType type) =>
        Pkcs12Writer.Write(ExportChain.Of(type).Der, ExportChain.Of(type).LeafKey, Passphrase, Name);

    [Theory]
    [InlineData(KeyType.Rsa)]
    [InlineData(KeyType.Ec)]
    public void The_key_opens_with_the_passphrase_and_matches_the_certificate(KeyType type)
    {
        X509Certificate2Collection all = X509CertificateLoader.LoadPkcs12Collection(WithKey(type), Passphrase, X509KeyStorageFlags.Exportable, s_limits);
        try
        {
            X509Certificate2 leaf = Assert.Single(all, c => c.HasPrivateKey);
            Assert.Equal(ExportChain.Of(type).Der[0], leaf.RawData);
            using AsymmetricAlgorithm key = type == KeyType.Rsa ? leaf.GetRSAPrivateKey()! : leaf.GetECDsaPrivateKey()!;
            Assert.Equal(leaf.PublicKey.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfo());
            Assert.Equal(PrivateKeys.PublicKeyInfo(ExportChain.Of(type).LeafKey), key.ExportSubjectPublicKeyInfo());
            Assert.Equal(3, all.Count);
        }
        finally
        {
            foreach (X509Certificate2 certificate in all)
            {
                certificate.Dispose();
            }
        }
    }

    [Fact]
    public void The_wrong_passphrase_fails()
    {
        byte[] pfx = WithKey(KeyType.Ec);
        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12Collection(pfx, "y", X509KeyStorageFlags.DefaultKeySet, s_limits));
        Assert.False(Pkcs12Info.Decode(pfx, out _).VerifyMac("y"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_passphrase_only_certificates_in_plain_data_under_an_empty_password_mac(string? passphrase)
    {
        byte[] pfx = Pkcs12Writer.Write(ExportChain.Of(KeyType.Rsa).Der, null, passphrase, Name);

        Pkcs12Info info = Pkcs12Info.Decode(pfx, out int read);
        Assert.Equal(pfx.Length, read);
        Assert.Equal(Pkcs12IntegrityMode.Password, info.IntegrityMode);
        Assert.True(info.VerifyMac(""));
        Pkcs12SafeContents contents = Assert.Single(info.AuthenticatedSafe);
        Assert.Equal(Pkcs12ConfidentialityMode.None, contents.ConfidentialityMode);
        Assert.All(contents.GetBags(), bag => Assert.IsType<Pkcs12CertBag>(bag));
        Assert.Equal(ExportChain.Of(KeyType.Rsa).Der, contents.GetBags().Select(bag => CertificateDer((Pkcs12CertBag)bag)));
        Assert.Equal(-1, pfx.AsSpan().IndexOf(KeyBagOid("1.2.840.113549.1.12.10.1.1")));
        Assert.Equal(-1, pfx.AsSpan().IndexOf(KeyBagOid("1.2.840.113549.1.12.10.1.2")));
        Assert.Equal(Pkcs12Structure.Data, Assert.Single(Pkcs12Structure.ReadAuthenticatedSafe(pfx)).ContentType);

        X509Certificate2Collection all = X509CertificateLoader.LoadPkcs12Collection(pfx, passphrase, X509KeyStorageFlags.DefaultKeySet, s_limits);
        Assert.Equal(3, all.Count);
        Assert.DoesNotContain(all, c => c.HasPrivateKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_key_without_a_passphrase_is_refused(string? passphrase) =>
        Assert.Throws<ArgumentException>(() => Pkcs12Writer.Write(ExportChain.Of(KeyType.Ec).Der, ExportChain.Of(KeyType.Ec).LeafKey, passphrase, Name));

    [Fact]
    public void A_key_of_another_certificate_is_refused() =>
        Assert.Throws<ArgumentException>(() => Pkcs12Writer.Write(ExportChain.Of(KeyType.Ec).Der, ExportChain.Of(KeyType.Rsa).LeafKey, Passphrase, Name));

    [Fact]
    public void An_empty_chain_is_refused() =>
        Assert.Throws<ArgumentException>(() => Pkcs12Writer.Write([], null, null, Name));

    [Theory]
    [InlineData(KeyType.Rsa)]
    [InlineData(KeyType.Ec)]
    public void The_chain_order_is_kept_and_the_bags_carry_friendly_name_and_local_key_id(KeyType type)
    {
        Pkcs12Info info = Pkcs12Info.Decode(WithKey(type), out _);
        Assert.True(info.VerifyMac(Passphrase));
        Assert.Equal(2, info.AuthenticatedSafe.Count);
        Pkcs12SafeContents certificates = info.AuthenticatedSafe[0];
        Assert.Equal(Pkcs12ConfidentialityMode.Password, certificates.ConfidentialityMode);
        certificates.Decrypt(Passphrase);
        Pkcs12CertBag[] certBags = certificates.GetBags().Cast<Pkcs12CertBag>().ToArray();
        Assert.Equal(ExportChain.Of(type).Der, certBags.Select(CertificateDer));
        Assert.Empty(certBags[1].Attributes);
        Assert.Empty(certBags[2].Attributes);

        Pkcs12ShroudedKeyBag keyBag = Assert.IsType<Pkcs12ShroudedKeyBag>(Assert.Single(info.AuthenticatedSafe[1].GetBags()));
        Assert.Equal(Pkcs12ConfidentialityMode.None, info.AuthenticatedSafe[1].ConfidentialityMode);
        Assert.Equal(Name, FriendlyName(certBags[0]));
        Assert.Equal(Name, FriendlyName(keyBag));
        Assert.Equal(LocalKeyId(certBags[0]), LocalKeyId(keyBag));
        Assert.Equal(SHA256.HashData(ExportChain.Of(type).Der[0]), LocalKeyId(keyBag));
    }

    [Fact]
    public void Mac_is_hmac_sha256_and_both_encryptions_are_pbes2_pbkdf2_sha256_aes256cbc()
    {
        byte[] pfx = WithKey(KeyType.Rsa);

        Pkcs12Structure.Mac mac = Pkcs12Structure.ReadMac(pfx)!;
        Assert.Equal(new Pkcs12Structure.Mac(Pkcs12Structure.Sha256, 32, mac.SaltLength, Pkcs12Writer.Iterations), mac);
        Assert.True(mac.SaltLength >= 8);

        var safes = Pkcs12Structure.ReadAuthenticatedSafe(pfx);
        Assert.Equal(new[] { Pkcs12Structure.EncryptedData, Pkcs12Structure.Data }, safes.Select(s => s.ContentType));
        Pkcs12Structure.AssertPbes2Aes256Sha256(safes[0].Algorithm!.Value, Pkcs12Writer.Iterations);

        var keyBag = (Pkcs12ShroudedKeyBag)Pkcs12Info.Decode(pfx, out _).AuthenticatedSafe[1].GetBags().Single();
        Pkcs12Structure.AssertPbes2Aes256Sha256(Pkcs12Structure.KeyEncryptionAlgorithm(keyBag.EncryptedPkcs8PrivateKey), Pkcs12Writer.Iterations);
    }

    [Fact]
    public void Iterations_match_the_encrypted_key_file() =>
        Assert.Equal(PrivateKeys.Pbkdf2Iterations, Pkcs12Writer.Iterations);

    [Fact]
    public void Pem_export_lists_the_certificates_in_order()
    {
        string text = PemExport.Certificates(ExportChain.Of(KeyType.Ec).Der);

        var blocks = RosCert.Codecs.Pem.PemFile.ReadAll(text);
        Assert.All(blocks, block => Assert.Equal("CERTIFICATE", block.Label));
        Assert.Equal(ExportChain.Of(KeyType.Ec).Der, blocks.Select(block => block.Data));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", text, StringComparison.Ordinal);
        Assert.EndsWith("-----END CERTIFICATE-----\n", text, StringComparison.Ordinal);
    }

    /// <summary>RFC 7292 §4.2.3: certValue is an OCTET STRING holding the DER certificate.</summary>
    private static byte[] CertificateDer(Pkcs12CertBag bag)
    {
        Assert.True(bag.IsX509Certificate);
        return new AsnReader(bag.EncodedCertificate, AsnEncodingRules.DER).ReadOctetString();
    }

    private static string FriendlyName(Pkcs12SafeBag bag)
    {
        AsnEncodedData value = Attribute(bag, FriendlyNameOid);
        return new AsnReader(value.RawData, AsnEncodingRules.DER).ReadCharacterString(UniversalTagNumber.BMPString);
    }

    private static byte[] LocalKeyId(Pkcs12SafeBag bag) =>
        new AsnReader(Attribute(bag, LocalKeyIdOid).RawData, AsnEncodingRules.DER).ReadOctetString();

    private static AsnEncodedData Attribute(Pkcs12SafeBag bag, string oid)
    {
        CryptographicAttributeObject attribute = Assert.Single(bag.Attributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == oid);
        return Assert.Single(attribute.Values.Cast<AsnEncodedData>());
    }

    /// <summary>The DER of a bag type OID (RFC 7292 §4.2), to search the raw bytes for it.</summary>
    private static byte[] KeyBagOid(string oid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        return writer.Encode();
    }
}

using System.Security.Cryptography;
using RosCert.Core.Import;
using RosCert.Core.Issuance;
using Xunit;

namespace RosCert.Interop.Tests.Import;

/// <summary>Files freshly made by OpenSSL 3 read by <see cref="ImportReader"/>; fingerprints and keys checked by OpenSSL.</summary>
public sealed class ImportInteropTests(OpensslImportFiles files) : IClassFixture<OpensslImportFiles>
{
    private const string Secret = OpensslImportFiles.Passphrase;

    /// <summary>File, passphrase, its certificates (as PEM files, in order), the key file its key equals, CRLs.</summary>
    public static TheoryData<string, string?, string[], string?, int> Variants() => new()
    {
        { "leaf-rsa.pem", null, ["leaf-rsa.pem"], null, 0 },
        { "leaf-rsa.der", null, ["leaf-rsa.pem"], null, 0 },
        { "chain.pem", null, ["leaf-rsa.pem", "ca.pem"], null, 0 },
        { "ca-trusted.pem", null, ["ca.pem"], null, 0 },
        { "chain.p7b.pem", null, ["leaf-rsa.pem", "ca.pem"], null, 0 },
        { "chain.p7b", null, ["leaf-rsa.pem", "ca.pem"], null, 0 },
        { "ca.crl.pem", null, [], null, 1 },
        { "ca.crl.der", null, [], null, 1 },
        { "rsa.key", null, [], "rsa.key", 0 },
        { "rsa-pkcs1.key", null, [], "rsa.key", 0 },
        { "rsa-pkcs8.der", null, [], "rsa.key", 0 },
        { "ec-params.key", null, [], "ec.key", 0 },
        { "ec-sec1.key", null, [], "ec.key", 0 },
        { "rsa-enc.key", Secret, [], "rsa.key", 0 },
        { "ec-enc.key", Secret, [], "ec.key", 0 },
        { "rsa-pbes1.key", Secret, [], "rsa.key", 0 },
        { "rsa-des.key", Secret, [], "rsa.key", 0 },
        { "rsa-des3.key", Secret, [], "rsa.key", 0 },
        { "rsa-aes128.key", Secret, [], "rsa.key", 0 },
        { "rsa-aes192.key", Secret, [], "rsa.key", 0 },
        { "rsa-aes256.key", Secret, [], "rsa.key", 0 },
        { "ec-des3.key", Secret, [], "ec.key", 0 },
        { "ec-aes256.key", Secret, [], "ec.key", 0 },
        { "leaf-and-key.pem", Secret, ["leaf-rsa.pem"], "rsa.key", 0 },
        { "modern.p12", Secret, ["leaf-rsa.pem", "ca.pem", "leaf-ec.pem"], "rsa.key", 0 },
        { "legacy.p12", Secret, ["leaf-rsa.pem", "ca.pem", "leaf-ec.pem"], "rsa.key", 0 },
        { "descert.p12", Secret, ["leaf-ec.pem"], "ec.key", 0 },
        { "nomac.p12", Secret, ["leaf-ec.pem"], "ec.key", 0 },
        { "empty.p12", "", ["leaf-ec.pem"], "ec.key", 0 },
        { "empty.p12", null, ["leaf-ec.pem"], "ec.key", 0 },
        { "empty-legacy.p12", "", ["leaf-rsa.pem"], "rsa.key", 0 },
        { "empty-legacy.p12", null, ["leaf-rsa.pem"], "rsa.key", 0 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Openssl_file_reads_with_openssl_fingerprints_and_public_keys(string file, string? passphrase, string[] certificates, string? key, int crls)
    {
        ImportResult result = ImportReader.Read(files.Bytes(file), passphrase);

        Assert.Equal(0, result.DecryptionFailures);
        Assert.Equal(certificates.Select(OpensslFingerprint), result.Certificates.Select(Fingerprint));
        Assert.Equal(crls, result.Crls.Count);
        if (key is null)
        {
            Assert.Empty(result.PrivateKeys);
        }
        else
        {
            Assert.Equal(OpensslPublicKey(key), KeyMaterial.SubjectPublicKeyInfo(Assert.Single(result.PrivateKeys)));
        }
    }

    [Theory]
    [InlineData("modern.p12")]
    [InlineData("legacy.p12")]
    public void Pkcs12_certificates_come_in_the_order_openssl_unpacks_them(string file)
    {
        string unpacked = files.PathOf(file + ".certs.pem");
        Peer.Ok("openssl", "pkcs12", "-provider", "legacy", "-provider", "default", "-in", files.PathOf(file), "-passin", "pass:" + Secret, "-nokeys", "-out", unpacked);

        IReadOnlyList<byte[]> expected = ImportReader.Read(File.ReadAllBytes(unpacked), null).Certificates;

        Assert.Equal(expected, ImportReader.Read(files.Bytes(file), Secret).Certificates);
    }

    [Theory]
    [InlineData("modern.p12")]
    [InlineData("legacy.p12")]
    [InlineData("descert.p12")]
    [InlineData("nomac.p12")]
    [InlineData("rsa-enc.key")]
    [InlineData("rsa-des.key")]
    [InlineData("ec-aes256.key")]
    public void Wrong_passphrase_is_one_decryption_failure(string file)
    {
        ImportResult result = ImportReader.Read(files.Bytes(file), "not-" + Secret);

        Assert.Equal((0, 0, 1), (result.Certificates.Count, result.PrivateKeys.Count, result.DecryptionFailures));
    }

    /// <summary><c>openssl x509 -fingerprint -sha256</c> prints <c>sha256 Fingerprint=AB:CD:…</c>.</summary>
    private string OpensslFingerprint(string pem)
    {
        string line = Peer.Ok("openssl", "x509", "-in", files.PathOf(pem), "-noout", "-fingerprint", "-sha256").Output.Trim();
        return line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Replace(":", "", StringComparison.Ordinal);
    }

    private static string Fingerprint(byte[] der) => Convert.ToHexString(SHA256.HashData(der));

    private byte[] OpensslPublicKey(string key)
    {
        string output = files.PathOf(key + ".spki.der");
        Peer.Ok("openssl", "pkey", "-in", files.PathOf(key), "-pubout", "-outform", "DER", "-out", output);
        return File.ReadAllBytes(output);
    }
}

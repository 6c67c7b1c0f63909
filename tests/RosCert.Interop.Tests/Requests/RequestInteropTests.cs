using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Codecs.Pem;
using RosCert.Core.Model;
using RosCert.Core.Requests;
using Xunit;

namespace RosCert.Interop.Tests.Requests;

/// <summary>PKCS#10 requests and encrypted PKCS#8 keys against OpenSSL 3.</summary>
public sealed class RequestInteropTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("roscert-req-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static byte[] NewKey(KeyType type)
    {
        using AsymmetricAlgorithm key = type == KeyType.Rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKey();
    }

    [Theory]
    [InlineData(KeyType.Rsa, DigestAlgorithm.Md5)]
    [InlineData(KeyType.Rsa, DigestAlgorithm.Sha1)]
    [InlineData(KeyType.Rsa, DigestAlgorithm.Sha256)]
    [InlineData(KeyType.Ec, DigestAlgorithm.Sha1)]
    [InlineData(KeyType.Ec, DigestAlgorithm.Sha384)]
    public void Openssl_verifies_our_request_and_shows_challenge_and_extensions(KeyType type, DigestAlgorithm digest)
    {
        Assert.True(SubjectAltNames.TryParse("DNS:router.test,IP:192.0.2.7,email:admin@router.test", out IReadOnlyList<SanEntry> san, out _));
        byte[] der = CertificateRequests.Create(new X500DistinguishedName("CN=router.test, O=Example, C=LV"), san,
            KeyUsages.Default | KeyUsage.CodeSign, digest, NewKey(type), "Secret-123");
        File.WriteAllText(PathOf("csr.pem"), PemFile.Write("CERTIFICATE REQUEST", der));

        Assert.Contains("verify OK", Peer.Ok("openssl", "req", "-verify", "-noout", "-in", PathOf("csr.pem")).All, StringComparison.Ordinal);
        string text = Peer.Ok("openssl", "req", "-noout", "-text", "-in", PathOf("csr.pem")).Output;
        Assert.Contains("challengePassword", text, StringComparison.Ordinal);
        Assert.Contains(":Secret-123", text, StringComparison.Ordinal);
        Assert.Contains("Requested Extensions:", text, StringComparison.Ordinal);
        Assert.Contains("Digital Signature, Key Encipherment, Data Encipherment, Certificate Sign, CRL Sign", text, StringComparison.Ordinal);
        Assert.Contains("TLS Web Server Authentication, TLS Web Client Authentication, Code Signing", text, StringComparison.Ordinal);
        Assert.Contains("DNS:router.test, IP Address:192.0.2.7, email:admin@router.test", text, StringComparison.Ordinal);
        Assert.Contains("Subject: C = LV, O = Example, CN = router.test", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rsa:2048", "-sha256", DigestAlgorithm.Sha256)]
    [InlineData("rsa:2048", "-md5", DigestAlgorithm.Md5)]
    [InlineData("rsa:2048", "-sha1", DigestAlgorithm.Sha1)]
    [InlineData("ec", "-sha1", DigestAlgorithm.Sha1)]
    [InlineData("ec", "-sha512", DigestAlgorithm.Sha512)]
    public void We_load_a_request_made_by_openssl(string newKey, string digestOption, DigestAlgorithm digest)
    {
        List<string> arguments = ["req", "-new", "-newkey", newKey, "-nodes", digestOption, "-keyout", PathOf("key.pem"), "-out", PathOf("csr.pem"),
            "-subj", "/C=LV/ST=Riga/L=Riga/O=Example/OU=net/CN=x", "-addext", "subjectAltName=DNS:x.test,IP:10.1.2.3",
            "-addext", "keyUsage=keyCertSign,digitalSignature", "-addext", "extendedKeyUsage=serverAuth,1.3.6.1.5.5.7.3.5"];
        if (newKey == "ec")
        {
            arguments.InsertRange(4, ["-pkeyopt", "ec_paramgen_curve:prime256v1"]);
        }

        Peer.Result result = Peer.Run("openssl", arguments);
        Assert.True(result.ExitCode == 0, result.All);
        SigningRequest request = CertificateRequests.Load(File.ReadAllBytes(PathOf("csr.pem")));

        Assert.True(request.SignatureValid);
        Assert.Equal(digest, request.SignatureDigest);
        Assert.Equal(["x", "LV", "Riga", "Riga", "Example", "net"],
            [request.CommonName, request.Country, request.State, request.Locality, request.Organization, request.Unit]);
        Assert.Equal([new SanEntry(SanKind.Dns, "x.test"), new SanEntry(SanKind.Ip, "10.1.2.3")], request.SubjectAltNames);
        Assert.Equal(KeyUsage.KeyCertSign | KeyUsage.DigitalSignature | KeyUsage.TlsServer, request.KeyUsage);
        Assert.Null(request.ChallengePassword);
        Peer.Ok("openssl", "pkey", "-in", PathOf("key.pem"), "-pubout", "-outform", "DER", "-out", PathOf("pub.der"));
        Assert.Equal(File.ReadAllBytes(PathOf("pub.der")), request.SubjectPublicKeyInfo);
    }

    [Theory]
    [InlineData(KeyType.Rsa)]
    [InlineData(KeyType.Ec)]
    public void Openssl_opens_our_encrypted_key_with_the_passphrase_only(KeyType type)
    {
        File.WriteAllText(PathOf("k.pem"), PrivateKeys.ExportEncryptedPem(NewKey(type), "secret"));
        Peer.Ok("openssl", "pkey", "-noout", "-in", PathOf("k.pem"), "-passin", "pass:secret");
        Assert.NotEqual(0, Peer.Run("openssl", ["pkey", "-noout", "-in", PathOf("k.pem"), "-passin", "pass:wrong"]).ExitCode);
        string details = Peer.Ok("openssl", "asn1parse", "-in", PathOf("k.pem")).Output;
        Assert.Contains("PBES2", details, StringComparison.Ordinal);
        Assert.Contains("hmacWithSHA256", details, StringComparison.Ordinal);
        Assert.Contains("aes-256-cbc", details, StringComparison.Ordinal);
        Assert.Contains(":0186A0", details, StringComparison.Ordinal); // 100000 iterations
    }
}

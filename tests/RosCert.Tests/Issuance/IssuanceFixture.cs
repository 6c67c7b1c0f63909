using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>Keys, clocks, serial sources and checks shared by the issuance tests.</summary>
internal static class IssuanceFixture
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    private static readonly Lazy<byte[]> s_ecKey = new(() => new RandomKeySource().Generate(KeySize.Prime256v1));
    private static readonly Lazy<byte[]> s_rsaKey = new(() => new RandomKeySource().Generate(KeySize.Rsa2048));

    public static byte[] EcKey => s_ecKey.Value;

    public static byte[] RsaKey => s_rsaKey.Value;

    public static string TestDataDirectory { get; } = FindTestData();

    /// <summary>A committed PKCS#8 PEM key from tests/testdata/keys, as DER.</summary>
    public static byte[] FixedKey(string name)
    {
        string pem = File.ReadAllText(Path.Combine(TestDataDirectory, "keys", name));
        PemFields fields = PemEncoding.Find(pem);
        Assert.Equal("PRIVATE KEY", pem[fields.Label]);
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }

    public static CertificateIssuer Issuer(DateTimeOffset? now = null, params byte[][] serials) =>
        new(new FakeTimeProvider(now ?? Now), serials.Length == 0 ? new RandomSerialSource() : new FixedSerials(serials));

    public static IssuanceRequest Request(
        byte[] privateKey,
        string commonName = "test",
        KeyUsage usage = KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment,
        DigestAlgorithm digest = DigestAlgorithm.Sha256,
        IReadOnlyList<SanEntry>? sans = null,
        int days = 365) =>
        new(new SubjectFields(commonName, "LV", "", "Riga", "lab", ""), sans ?? [], usage, days, digest, KeyMaterial.SubjectPublicKeyInfo(privateKey));

    public static IssuedCertificate SelfSigned(byte[] privateKey, KeyUsage usage, DateTimeOffset? now = null) =>
        Issuer(now).Issue(Request(privateKey, "CA", usage), privateKey, null);

    public static X509Certificate2 Load(byte[] der) => X509CertificateLoader.LoadCertificate(der);

    /// <summary>
    /// Checks a certificate's signature with the issuer's public key by hand (OID -> hash), so MD5 and
    /// SHA-1 signatures are checked too; returns the signature algorithm OID.
    /// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
    /// </summary>
    public static string VerifySignature(byte[] der, byte[] issuerDer)
    {
        AsnReader certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        byte[] tbs = certificate.ReadEncodedValue().ToArray();
        string oid = certificate.ReadSequence().ReadObjectIdentifier();
        byte[] signature = certificate.ReadBitString(out _);
        (HashAlgorithmName hash, bool rsa) = oid switch
        {
            "1.2.840.113549.1.1.4" => (HashAlgorithmName.MD5, true),
            "1.2.840.113549.1.1.5" => (HashAlgorithmName.SHA1, true),
            "1.2.840.113549.1.1.11" => (HashAlgorithmName.SHA256, true),
            "1.2.840.113549.1.1.12" => (HashAlgorithmName.SHA384, true),
            "1.2.840.113549.1.1.13" => (HashAlgorithmName.SHA512, true),
            "1.2.840.10045.4.1" => (HashAlgorithmName.SHA1, false),
            "1.2.840.10045.4.3.2" => (HashAlgorithmName.SHA256, false),
            "1.2.840.10045.4.3.3" => (HashAlgorithmName.SHA384, false),
            "1.2.840.10045.4.3.4" => (HashAlgorithmName.SHA512, false),
            _ => throw new InvalidOperationException("unexpected signature algorithm " + oid),
        };
        using X509Certificate2 issuer = Load(issuerDer);
        bool valid = rsa
            ? issuer.GetRSAPublicKey()!.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1)
            : issuer.GetECDsaPublicKey()!.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        Assert.True(valid, $"signature {oid} does not verify with the issuer's key");
        return oid;
    }

    /// <summary>Builds the chain leaf -> root with .NET's chain engine, trusting only the root.</summary>
    public static X509ChainStatusFlags[] ChainErrors(byte[] rootDer, byte[] leafDer, DateTimeOffset at)
    {
        using X509Certificate2 root = Load(rootDer);
        using X509Certificate2 leaf = Load(leafDer);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        bool built = chain.Build(leaf);
        X509ChainStatusFlags[] errors = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).ToArray();
        Assert.True(built || errors.Length > 0);
        return errors;
    }

    private static string FindTestData()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "testdata");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/testdata not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Serials handed out in order, the last one repeated.</summary>
    private sealed class FixedSerials(byte[][] serials) : ISerialSource
    {
        private int _next;

        public byte[] Next() => (byte[])serials[Math.Min(_next++, serials.Length - 1)].Clone();
    }
}

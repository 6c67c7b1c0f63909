using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Core.Revocation;
using RosCert.Tests.Issuance;
using Xunit;

namespace RosCert.Tests.Revocation;

/// <summary>The golden CA (tests/testdata/golden/ca-rsa2048.der and its fixed key), a fixed clock and checks shared by the CRL tests.</summary>
internal static class CrlFixture
{
    public static readonly DateTimeOffset ThisUpdate = new(2025, 3, 15, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset NextUpdate = ThisUpdate.AddDays(7);

    public static byte[] CaDer { get; } = File.ReadAllBytes(GoldenPath("ca-rsa2048.der"));

    public static byte[] CaKey { get; } = IssuanceFixture.FixedKey("golden-ca-rsa2048.pem");

    public static string GoldenPath(string name) => Path.Combine(IssuanceFixture.TestDataDirectory, "golden", name);

    public static CrlRequest Request(long number = 1, DigestAlgorithm digest = DigestAlgorithm.Sha256, DateTimeOffset? thisUpdate = null, DateTimeOffset? nextUpdate = null) =>
        new(CaDer, CaKey, digest, number, thisUpdate ?? ThisUpdate, nextUpdate ?? NextUpdate);

    /// <summary>A self-signed CA made with .NET (SKI, keyCertSign+cRLSign), as DER with its PKCS#8 key.</summary>
    public static (byte[] Der, byte[] Key) DotNetCa(AsymmetricAlgorithm key)
    {
        var name = new X500DistinguishedName("CN=Test CRL CA,O=RosCert Lab");
        CertificateRequest request = key is RSA rsa
            ? new CertificateRequest(name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(name, (ECDsa)key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using X509Certificate2 ca = request.CreateSelfSigned(ThisUpdate.AddDays(-1), ThisUpdate.AddYears(30));
        return (ca.RawData, key.ExportPkcs8PrivateKey());
    }

    /// <summary>
    /// The same CRL built by .NET's own CertificateRevocationListBuilder; for RSA (deterministic signatures) it must
    /// be byte-identical to ours, which makes .NET an independent encoder of every golden.
    /// </summary>
    public static byte[] DotNetCrl(CrlRequest request, IEnumerable<RevokedEntry> entries)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (RevokedEntry entry in entries)
        {
            builder.AddEntry(Minimal(entry.SerialNumber), entry.RevokedAt,
                entry.Reason == RevocationReason.Unspecified ? null : (X509RevocationReason)entry.Reason);
        }

        using X509Certificate2 ca = X509CertificateLoader.LoadCertificate(request.IssuerCertificateDer);
        using RSA key = RSA.Create();
        key.ImportPkcs8PrivateKey(request.IssuerPrivateKeyPkcs8, out _);
        using X509Certificate2 signer = ca.CopyWithPrivateKey(key);
        return builder.Build(signer, request.CrlNumber, request.NextUpdate, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, request.ThisUpdate);
    }

    /// <summary>The minimal two's-complement content of a positive INTEGER with these value bytes.</summary>
    public static byte[] Minimal(byte[] serial) =>
        new BigInteger(serial, isUnsigned: true, isBigEndian: true).ToByteArray(isUnsigned: false, isBigEndian: true);

    /// <summary>
    /// Checks the CRL's RSA signature with the CA certificate's public key by hand, without RosCert's reader.
    /// CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
    /// </summary>
    public static void VerifyRsaSignature(byte[] crl, byte[] caDer)
    {
        AsnReader list = new AsnReader(crl, AsnEncodingRules.DER).ReadSequence();
        byte[] tbs = list.ReadEncodedValue().ToArray();
        Assert.Equal("1.2.840.113549.1.1.11", list.ReadSequence().ReadObjectIdentifier());
        byte[] signature = list.ReadBitString(out _);
        using X509Certificate2 ca = X509CertificateLoader.LoadCertificate(caDer);
        Assert.True(ca.GetRSAPublicKey()!.VerifyData(tbs, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>The (serial hex, revocation date, reason) triples of a CRL, read with AsnReader.</summary>
    public static List<(string Serial, DateTimeOffset When, int? Reason)> Entries(byte[] crl)
    {
        AsnReader tbs = new AsnReader(crl, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        _ = tbs.ReadInteger();
        _ = tbs.ReadSequence();
        _ = tbs.ReadSequence();
        _ = tbs.ReadEncodedValue();
        _ = tbs.ReadEncodedValue();
        var entries = new List<(string, DateTimeOffset, int?)>();
        if (!tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            return entries;
        }

        AsnReader revoked = tbs.ReadSequence();
        while (revoked.HasData)
        {
            AsnReader entry = revoked.ReadSequence();
            string serial = Convert.ToHexString(entry.ReadIntegerBytes().Span);
            DateTimeOffset when = entry.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? entry.ReadUtcTime() : entry.ReadGeneralizedTime();
            int? reason = null;
            if (entry.HasData)
            {
                AsnReader extension = entry.ReadSequence().ReadSequence();
                Assert.Equal("2.5.29.21", extension.ReadObjectIdentifier());
                reason = (int)new AsnReader(extension.ReadOctetString(), AsnEncodingRules.DER).ReadEnumeratedValue<RevocationReason>();
                Assert.False(extension.HasData);
            }

            entries.Add((serial, when, reason));
        }

        return entries;
    }
}

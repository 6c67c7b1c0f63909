using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Core.Revocation;
using RosCert.Core.Signatures;
using Xunit;

namespace RosCert.Tests.Revocation;

public sealed class CrlWriterTests
{
    private static readonly DateTimeOffset s_revoked = new(2025, 3, 14, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Round_trips_through_dotnet_CertificateRevocationListBuilder_Load()
    {
        RevokedEntry[] entries = [.. Enumerable.Range(1, 40).Select(i =>
            new RevokedEntry(BitConverter.GetBytes(i * 7919).Reverse().ToArray(), s_revoked.AddMinutes(i), Reason(i)))];
        CrlRequest request = CrlFixture.Request(number: 4242);
        byte[] crl = CrlWriter.Write(request, entries);

        CertificateRevocationListBuilder loaded = CertificateRevocationListBuilder.Load(crl, out BigInteger number);
        Assert.Equal(4242, number);

        // Rebuilding what .NET loaded gives the same bytes: every serial, time and reason survived.
        using X509Certificate2 ca = X509CertificateLoader.LoadCertificate(CrlFixture.CaDer);
        using RSA key = RSA.Create();
        key.ImportPkcs8PrivateKey(CrlFixture.CaKey, out _);
        using X509Certificate2 signer = ca.CopyWithPrivateKey(key);
        byte[] rebuilt = loaded.Build(signer, number, CrlFixture.NextUpdate, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, CrlFixture.ThisUpdate);
        Assert.Equal(Convert.ToHexString(crl), Convert.ToHexString(rebuilt));

        foreach (RevokedEntry entry in entries)
        {
            Assert.True(loaded.RemoveEntry(CrlFixture.Minimal(entry.SerialNumber)));
        }

        CrlInfo info = CrlReader.Read(crl, CrlFixture.CaDer);
        Assert.Equal((40, 4242L, CrlFixture.NextUpdate, true), (info.RevokedCount, info.CrlNumber!.Value, info.NextUpdate!.Value, info.SignatureValid));
        Assert.Equal(entries.Select(e => e.Reason == RevocationReason.Unspecified ? null : (int?)e.Reason), CrlFixture.Entries(crl).Select(e => e.Reason));
    }

    [Fact]
    public void Times_through_2049_are_UTCTime_and_from_2050_GeneralizedTime()
    {
        var last = new DateTimeOffset(2049, 12, 31, 23, 59, 59, TimeSpan.Zero);
        var first = new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero);
        RevokedEntry[] entries = [new([0x01], last, RevocationReason.Unspecified), new([0x02], first, RevocationReason.Superseded)];
        byte[] crl = CrlWriter.Write(CrlFixture.Request(thisUpdate: last, nextUpdate: first), entries);

        AsnReader tbs = new AsnReader(crl, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        _ = tbs.ReadInteger();
        _ = tbs.ReadSequence();
        _ = tbs.ReadSequence();
        Assert.Equal("170D3439313233313233353935395A", Convert.ToHexString(tbs.ReadEncodedValue().Span));
        Assert.Equal("180F32303530303130313030303030305A", Convert.ToHexString(tbs.ReadEncodedValue().Span));
        Assert.Equal([("01", last, null), ("02", first, (int?)4)], CrlFixture.Entries(crl));
        Assert.Equal(Convert.ToHexString(CrlFixture.DotNetCrl(CrlFixture.Request(thisUpdate: last, nextUpdate: first), entries)), Convert.ToHexString(crl));
        CrlInfo info = CrlReader.Read(crl, CrlFixture.CaDer);
        Assert.Equal((last, first), (info.ThisUpdate, info.NextUpdate!.Value));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha1)]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha384)]
    [InlineData(DigestAlgorithm.Sha512)]
    public void EC_CA_signs_with_ECDSA_and_the_CRL_verifies(DigestAlgorithm digest)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        (byte[] ca, byte[] pkcs8) = CrlFixture.DotNetCa(key);
        var request = new CrlRequest(ca, pkcs8, digest, 7, CrlFixture.ThisUpdate, CrlFixture.NextUpdate);
        byte[] crl = CrlWriter.Write(request, [new([0x0A, 0x0B], s_revoked, RevocationReason.AffiliationChanged)]);

        CrlInfo info = CrlReader.Read(crl, ca);
        Assert.True(info.SignatureValid);
        Assert.Equal(Core.Issuance.CertificateFacts.IssuerOf(ca), info.Issuer);
        Assert.Equal(Core.Issuance.CertificateFacts.SkidOf(ca), info.Akid);
        _ = CertificateRevocationListBuilder.Load(crl, out BigInteger number);
        Assert.Equal(7, number);
        AsnReader list = new AsnReader(crl, AsnEncodingRules.DER).ReadSequence();
        _ = list.ReadSequence();
        Assert.Equal(SignatureAlgorithms.Find(KeyType.Ec, digest)!.Oid, list.ReadSequence().ReadObjectIdentifier());
    }

    [Fact]
    public void EC_CA_refuses_md5()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        (byte[] ca, byte[] pkcs8) = CrlFixture.DotNetCa(key);
        var request = new CrlRequest(ca, pkcs8, DigestAlgorithm.Md5, 1, CrlFixture.ThisUpdate, CrlFixture.NextUpdate);
        CryptographicException e = Assert.Throws<CryptographicException>(() => CrlWriter.Write(request, []));
        Assert.Equal(SignatureAlgorithms.EcMd5Message, e.Message);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "1.2.840.113549.1.1.4")]
    [InlineData(DigestAlgorithm.Sha1, "1.2.840.113549.1.1.5")]
    [InlineData(DigestAlgorithm.Sha512, "1.2.840.113549.1.1.13")]
    public void RSA_CA_signs_with_md5_sha1_and_sha2(DigestAlgorithm digest, string oid)
    {
        byte[] crl = CrlWriter.Write(CrlFixture.Request(digest: digest), [new([0x01], s_revoked, RevocationReason.Unspecified)]);
        Assert.True(CrlReader.Read(crl, CrlFixture.CaDer).SignatureValid);
        AsnReader list = new AsnReader(crl, AsnEncodingRules.DER).ReadSequence();
        _ = list.ReadSequence();
        AsnReader algorithm = list.ReadSequence();
        Assert.Equal(oid, algorithm.ReadObjectIdentifier());
        algorithm.ReadNull();
    }

    [Fact]
    public void Hundred_thousand_entries_build_once_and_load()
    {
        int enumerated = 0;
        IEnumerable<RevokedEntry> Entries()
        {
            enumerated++;
            for (int i = 0; i < 100_000; i++)
            {
                byte[] serial = [(byte)(0x80 | (i >> 16)), (byte)(i >> 8), (byte)i, 0x55, 0x66, 0x77, 0x88, 0x99];
                yield return new RevokedEntry(serial, s_revoked.AddSeconds(i), (RevocationReason)(i % 3));
            }
        }

        byte[] crl = CrlWriter.Write(CrlFixture.Request(), Entries());
        Assert.Equal(1, enumerated);
        using var stream = new MemoryStream();
        CrlWriter.Write(CrlFixture.Request(), Entries(), stream);
        Assert.True(crl.AsSpan().SequenceEqual(stream.ToArray()));

        _ = CertificateRevocationListBuilder.Load(crl, out BigInteger number);
        Assert.Equal(1, number);
        CrlInfo info = CrlReader.Read(crl, CrlFixture.CaDer);
        Assert.Equal((100_000, true), (info.RevokedCount, info.SignatureValid));
        Assert.True(CrlReader.IsRevoked(crl, [0x81, 0x86, 0x9F, 0x55, 0x66, 0x77, 0x88, 0x99]));
    }

    [Fact]
    public void Bad_requests_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CrlWriter.Write(CrlFixture.Request(number: -1), []));
        Assert.Throws<ArgumentException>(() => CrlWriter.Write(CrlFixture.Request(nextUpdate: CrlFixture.ThisUpdate.AddSeconds(-1)), []));
        Assert.Throws<ArgumentException>(() => CrlWriter.Write(CrlFixture.Request(), [new([], s_revoked, RevocationReason.Unspecified)]));
        Assert.Throws<ArgumentException>(() => CrlWriter.Write(CrlFixture.Request(), [new([1], s_revoked, (RevocationReason)7)]));
        using RSA other = RSA.Create(2048);
        Assert.Throws<CryptographicException>(() => CrlWriter.Write(CrlFixture.Request() with { IssuerPrivateKeyPkcs8 = other.ExportPkcs8PrivateKey() }, []));
    }

    private static RevocationReason Reason(int i) => i % 11 == 7 ? RevocationReason.Unspecified : (RevocationReason)(i % 11);
}

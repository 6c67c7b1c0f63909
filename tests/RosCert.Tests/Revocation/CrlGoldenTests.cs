using RosCert.Core.Revocation;
using Xunit;

namespace RosCert.Tests.Revocation;

/// <summary>
/// RSA PKCS#1 v1.5 with the golden CA's fixed key and a fixed clock gives byte-identical CRLs. Goldens are in
/// tests/testdata/golden (README there); set ROSCERT_WRITE_GOLDEN=1 to rewrite them after a deliberate change.
/// Each golden is also built by .NET's CertificateRevocationListBuilder and checked by hand, so a wrong golden
/// can not pass silently.
/// </summary>
public sealed class CrlGoldenTests
{
    private static readonly DateTimeOffset s_revoked = new(2025, 3, 14, 16, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Names => ["crl-empty.der", "crl-two-entries.der", "crl-high-bit-serial.der"];

    [Fact]
    public void Empty_CRL_matches_its_golden_and_omits_revokedCertificates()
    {
        byte[] crl = Check("crl-empty.der", 1, []);
        Assert.Empty(CrlFixture.Entries(crl));
        CrlInfo info = CrlReader.Read(crl, CrlFixture.CaDer);
        Assert.Equal(0, info.RevokedCount);
        Assert.Equal(1, info.CrlNumber);
    }

    [Fact]
    public void Two_entries_with_and_without_a_reason_match_their_golden()
    {
        byte[] crl = Check("crl-two-entries.der", 2,
        [
            new([0x01, 0x02, 0x03], s_revoked, RevocationReason.Unspecified),
            new([0x7F, 0xEE, 0xDD, 0xCC, 0xBB, 0xAA, 0x99, 0x00], s_revoked.AddMinutes(90), RevocationReason.KeyCompromise),
        ]);
        Assert.Equal(
            [("010203", s_revoked, null), ("7FEEDDCCBBAA9900", s_revoked.AddMinutes(90), (int?)1)],
            CrlFixture.Entries(crl));
    }

    [Fact]
    public void High_bit_serial_gets_a_zero_prefix_and_redundant_zeros_go()
    {
        byte[] crl = Check("crl-high-bit-serial.der", 3,
        [
            new([0x80, 0x01, 0x02], s_revoked, RevocationReason.CessationOfOperation),
            new([0x00, 0x00, 0x05], s_revoked, RevocationReason.Superseded),
            new([0x00, 0xFF], s_revoked, RevocationReason.CertificateHold),
        ]);
        Assert.Equal(["00800102", "05", "00FF"], CrlFixture.Entries(crl).Select(e => e.Serial));
        Assert.True(CrlReader.IsRevoked(crl, [0x80, 0x01, 0x02]));
        Assert.True(CrlReader.IsRevoked(crl, [0x05]));
        Assert.True(CrlReader.IsRevoked(crl, [0xFF]));
        Assert.False(CrlReader.IsRevoked(crl, [0x01, 0x02, 0x03]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Committed_goldens_verify_on_their_own(string name)
    {
        byte[] crl = File.ReadAllBytes(CrlFixture.GoldenPath(name));
        CrlFixture.VerifyRsaSignature(crl, CrlFixture.CaDer);
        CrlInfo info = CrlReader.Read(crl, CrlFixture.CaDer);
        Assert.True(info.SignatureValid);
        Assert.Equal("C=LV,ST=Vidzeme,L=Riga,O=RosCert Lab,OU=PKI,CN=Golden CA", info.Issuer);
        Assert.Equal(Core.Issuance.CertificateFacts.SkidOf(CrlFixture.CaDer), info.Akid);
        Assert.Equal(CrlFixture.ThisUpdate, info.ThisUpdate);
        Assert.Equal(CrlFixture.NextUpdate, info.NextUpdate);
    }

    private static byte[] Check(string name, long number, RevokedEntry[] entries)
    {
        CrlRequest request = CrlFixture.Request(number);
        byte[] crl = CrlWriter.Write(request, entries);
        if (Environment.GetEnvironmentVariable("ROSCERT_WRITE_GOLDEN") == "1")
        {
            File.WriteAllBytes(CrlFixture.GoldenPath(name), crl);
        }

        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(CrlFixture.GoldenPath(name))), Convert.ToHexString(crl));
        Assert.Equal(Convert.ToHexString(CrlFixture.DotNetCrl(request, entries)), Convert.ToHexString(crl));
        CrlFixture.VerifyRsaSignature(crl, CrlFixture.CaDer);
        Assert.True(CrlReader.Read(crl, CrlFixture.CaDer).SignatureValid);
        return crl;
    }
}

using System.Security.Cryptography;
using RosCert.Core.Issuance;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>
/// CertificateFacts keeps the last few parses per thread (issue 9: import and sign asked up to nine
/// facts of one certificate, each parsing it again). The facts must stay those of the bytes given.
/// </summary>
public sealed class RecentCertificatesTests
{
    [Fact]
    public void An_array_changed_after_a_parse_gives_the_facts_of_its_new_bytes()
    {
        (byte[] first, byte[] second) = SameLength("aaaa", "bbbb");
        byte[] buffer = (byte[])first.Clone();

        Assert.Equal("aaaa", CertificateFacts.SubjectOf(buffer).CommonName);
        second.CopyTo(buffer, 0);

        Assert.Equal("bbbb", CertificateFacts.SubjectOf(buffer).CommonName);
        Assert.Equal(CertificateFacts.Describe(second), CertificateFacts.Describe(buffer) with { Der = second });
    }

    [Fact]
    public void Facts_stay_right_when_more_certificates_pass_than_are_kept()
    {
        byte[][] certificates = [.. Enumerable.Range(0, 9).Select(i => SelfSigned("cn" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < certificates.Length; i++)
            {
                Assert.Equal("cn" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), CertificateFacts.SubjectOf(certificates[i]).CommonName);
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(certificates[i])), CertificateFacts.Describe(certificates[i]).Fingerprint);
            }
        }
    }

    [Fact]
    public void Malformed_bytes_are_refused_each_time_and_are_not_kept()
    {
        byte[] bad = [0x30, 0x03, 0x02, 0x01, 0x01];

        Assert.ThrowsAny<CryptographicException>(() => CertificateFacts.SubjectOf(bad));
        Assert.ThrowsAny<CryptographicException>(() => CertificateFacts.SubjectOf(bad));
    }

    /// <summary>Two certificates of one length (ECDSA signatures vary by a byte or two, so try again).</summary>
    private static (byte[] First, byte[] Second) SameLength(string first, string second)
    {
        byte[] a = SelfSigned(first);
        for (int attempt = 0; attempt < 50; attempt++)
        {
            byte[] b = SelfSigned(second);
            if (b.Length == a.Length)
            {
                return (a, b);
            }
        }

        throw new InvalidOperationException("no two certificates of the same length");
    }

    private static byte[] SelfSigned(string commonName) =>
        IssuanceFixture.Issuer().Issue(
            IssuanceFixture.Request(IssuanceFixture.EcKey) with { Subject = new SubjectFields(commonName, "", "", "", "", "") },
            IssuanceFixture.EcKey,
            authority: null).Der;
}

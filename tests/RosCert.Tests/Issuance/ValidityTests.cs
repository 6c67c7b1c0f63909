using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; validity starts now, to the second.</summary>
public sealed class ValidityTests
{
    [Fact]
    public void Validity_runs_from_now_truncated_to_the_second_for_days_valid_days()
    {
        IssuedCertificate issued = IssuanceFixture.Issuer(new DateTimeOffset(2025, 6, 1, 10, 20, 30, 999, TimeSpan.FromHours(3)))
            .Issue(IssuanceFixture.Request(IssuanceFixture.EcKey, days: 30), IssuanceFixture.EcKey, null);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 7, 20, 30, TimeSpan.Zero), issued.InvalidBefore);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 7, 20, 30, TimeSpan.Zero), issued.InvalidAfter);
        Assert.Equal(TimeSpan.Zero, issued.InvalidBefore.Offset);
        Assert.Contains("170D" + Ascii("250601072030Z"), Convert.ToHexString(issued.Der), StringComparison.Ordinal);
    }

    [Fact]
    public void A_validity_crossing_into_2050_switches_from_UTCTime_to_GeneralizedTime()
    {
        byte[] der = Issue(new DateTimeOffset(2049, 12, 31, 23, 59, 59, TimeSpan.Zero), days: 1);
        string hex = Convert.ToHexString(der);
        Assert.Contains("170D" + Ascii("491231235959Z"), hex, StringComparison.Ordinal);
        Assert.Contains("180F" + Ascii("20500101235959Z"), hex, StringComparison.Ordinal);
    }

    [Fact]
    public void Last_second_of_2049_is_still_UTCTime_and_2050_is_GeneralizedTime()
    {
        string before = Convert.ToHexString(Issue(new DateTimeOffset(2049, 12, 30, 23, 59, 59, TimeSpan.Zero), days: 1));
        Assert.Contains("170D" + Ascii("491230235959Z"), before, StringComparison.Ordinal);
        Assert.Contains("170D" + Ascii("491231235959Z"), before, StringComparison.Ordinal);

        string after = Convert.ToHexString(Issue(new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero), days: 1));
        Assert.Contains("180F" + Ascii("20500101000000Z"), after, StringComparison.Ordinal);
        Assert.Contains("180F" + Ascii("20500102000000Z"), after, StringComparison.Ordinal);
        Assert.DoesNotContain("170D", after[..200], StringComparison.Ordinal);
    }

    [Fact]
    public void Times_read_back_the_same_on_both_sides_of_2050()
    {
        var start = new DateTimeOffset(2049, 12, 31, 12, 0, 0, TimeSpan.Zero);
        IssuedCertificate issued = CertificateFacts.Describe(Issue(start, days: 1));
        Assert.Equal(start, issued.InvalidBefore);
        Assert.Equal(start.AddDays(1), issued.InvalidAfter);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Days_valid_out_of_range_is_refused(int days)
    {
        var e = Assert.Throws<ArgumentException>(() => Issue(IssuanceFixture.Now, days));
        Assert.Contains("days-valid", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Issue(DateTimeOffset now, int days) =>
        IssuanceFixture.Issuer(now).Issue(IssuanceFixture.Request(IssuanceFixture.EcKey, days: days), IssuanceFixture.EcKey, null).Der;

    private static string Ascii(string text) => Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(text));
}

using System.Text;
using RosCert.Core.Revocation;
using Xunit;

namespace RosCert.Tests.Revocation;

/// <summary>
/// <see cref="CrlBuilder.AddStored"/> takes a revocation as the store keeps it: the serial as hex text in either
/// case (decoded through a table, issue 9), anything else refused.
/// </summary>
public sealed class CrlBuilderStoredTests
{
    [Theory]
    [InlineData("0aFf", new byte[] { 0x0A, 0xFF })]
    [InlineData("7F", new byte[] { 0x7F })]
    [InlineData("00c0ffee", new byte[] { 0x00, 0xC0, 0xFF, 0xEE })]
    public void Hex_serials_in_either_case_list_their_bytes(string hex, byte[] serial)
    {
        byte[] stored = Build(b => b.AddStored(Encoding.UTF8.GetBytes(hex), 1_700_000_000, []));
        byte[] direct = Build(b => b.Add(serial, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), RevocationReason.Unspecified));

        Assert.Equal(direct, stored);
    }

    [Theory]
    [InlineData("12G4")]
    [InlineData("12 4")]
    [InlineData("abc")]
    [InlineData("\u00e9\u00e9")]
    [InlineData("0x")]
    public void Text_that_is_not_hex_is_refused(string text)
    {
        using var builder = new CrlBuilder(CrlFixture.Request());

        Assert.Throws<FormatException>(() => builder.AddStored(Encoding.UTF8.GetBytes(text), 1_700_000_000, []));
    }

    private static byte[] Build(Action<CrlBuilder> add)
    {
        using var builder = new CrlBuilder(CrlFixture.Request());
        add(builder);
        return builder.Sign().ToArray();
    }
}

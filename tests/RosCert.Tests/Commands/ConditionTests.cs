using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Commands;

/// <summary>Where-expressions over templates: typed comparisons, booleans, regexes, and/or/not, juxtaposition.</summary>
public sealed class ConditionTests
{
    [Theory]
    [InlineData("common-name~\"^ser\"", "Server")]
    [InlineData("common-name=server", "Server")]
    [InlineData("common-name!=server", "CA-Template;Client")]
    [InlineData("days-valid>100", "Server")]
    [InlineData("days-valid<100 and common-name=client", "Client")]
    [InlineData("days-valid<100 common-name=client", "Client")]
    [InlineData("days-valid=30 or common-name=CAtemp", "CA-Template;Client")]
    [InlineData("!(common-name=server)", "CA-Template;Client")]
    [InlineData("not common-name=server", "CA-Template;Client")]
    [InlineData("trusted", "Client")]
    [InlineData("trusted=no", "CA-Template;Server")]
    [InlineData("private-key", "")]
    [InlineData("key-size=prime256v1", "CA-Template")]
    [InlineData("name~\"(a+)+$\"", "")]
    public void Find_where_selects(string where, string names)
    {
        using var console = new TestConsole();
        console.Run("add name=CA-Template common-name=CAtemp key-usage=key-cert-sign,crl-sign days-valid=30 key-size=prime256v1");
        console.Run("add name=Server common-name=server");
        console.Run("add name=Client common-name=client days-valid=30 trusted=yes");
        string output = console.Run($":put [/certificate print as-value proplist=name where {where}]");
        string selected = string.Join(';', output.TrimEnd('\n').Split(';', StringSplitOptions.RemoveEmptyEntries).Where(p => p.StartsWith("name=", StringComparison.Ordinal)).Select(p => p[5..]));
        Assert.Equal(names, selected);
    }

    [Fact]
    public void State_survives_a_new_store_on_the_same_data_dir()
    {
        using var first = new TestConsole();
        first.Run("add name=Server common-name=server");
        using var second = new TestConsole(first.DataPath);
        Assert.Equal("server\n", second.Run(":put [/certificate get Server common-name]"));
        Assert.Equal("1\n", second.Run("print count-only"));
    }
}

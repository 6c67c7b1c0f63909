using RosCert.Commands.Menus.Certificates;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Commands;

/// <summary><c>/certificate/builtin</c> lists the system trust anchors, read-only (reference §2.15).</summary>
public sealed class BuiltinTests
{
    [Fact]
    public void Every_certificate_of_the_system_bundle_is_listed_and_none_can_be_changed()
    {
        int expected = File.ReadAllText(BuiltinView.SystemBundle).Split("BEGIN CERTIFICATE").Length - 1;
        using var console = new TestConsole();
        Assert.True(expected > 0);
        Assert.Equal($"{expected}\n", console.Run("/certificate builtin print count-only"));
        Assert.Equal("7305\n", console.Run(":put [/certificate builtin get [find where common-name=\"ISRG Root X1\"] days-valid]"));
        Assert.StartsWith("bad command name remove", console.Run("/certificate builtin remove 0"), StringComparison.Ordinal);
    }
}

using System.Reflection;
using Xunit;

namespace RosCert.Tests.Architecture;

/// <summary>Dependencies run one way (docs/ARCHITECTURE.md): read from the compiled assemblies' references.</summary>
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["RosCert.Codecs"] = [],
        ["RosCert.Core"] = ["RosCert.Codecs"],
        ["RosCert.Store"] = ["RosCert.Core", "RosCert.Codecs"],
        ["RosCert.Acme"] = ["RosCert.Core", "RosCert.Codecs"],
        ["RosCert.Scep"] = ["RosCert.Core", "RosCert.Codecs"],
        ["RosCert.Commands"] = ["RosCert.Acme", "RosCert.Scep", "RosCert.Core", "RosCert.Codecs"],
        ["RosCert.Console"] = ["RosCert.Commands", "RosCert.Acme", "RosCert.Scep", "RosCert.Core", "RosCert.Codecs"],
        ["RosCert.Server"] = ["RosCert.Commands", "RosCert.Acme", "RosCert.Scep", "RosCert.Core", "RosCert.Codecs"],
        ["roscert"] = ["RosCert.Console", "RosCert.Server", "RosCert.Commands", "RosCert.Acme", "RosCert.Scep", "RosCert.Store", "RosCert.Core", "RosCert.Codecs"],
    };

    public static TheoryData<string> Assemblies() => [.. s_allowed.Keys];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Assembly_references_only_the_layers_below_it(string name)
    {
        Assembly assembly = Assembly.Load(name);
        string[] ours = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("RosCert.", StringComparison.Ordinal) || n == "roscert")
            .ToArray();
        Assert.All(ours, reference => Assert.Contains(reference, s_allowed[name]));
    }

    [Fact]
    public void Acme_engine_knows_nothing_of_sqlite_or_aspnet()
    {
        string[] references = Assembly.Load("RosCert.Acme").GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(references, r => r.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || r.Contains("AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_knows_nothing_of_sqlite_or_the_console()
    {
        string[] references = Assembly.Load("RosCert.Core").GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(references, r => r.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || r.Contains("AspNetCore", StringComparison.Ordinal));
    }
}

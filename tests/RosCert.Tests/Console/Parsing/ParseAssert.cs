using RosCert.Console.Ast;
using RosCert.Console.Parsing;
using Xunit;

namespace RosCert.Tests.Console.Parsing;

internal static class ParseAssert
{
    public static Script Parses(string text)
    {
        ParseResult result = ScriptParser.Parse(text);
        Assert.True(result.Succeeded, $"`{text}` failed: {result.Error?.Message}");
        return result.Script;
    }

    /// <summary>parse(print(ast)) == ast, and the canonical text is a fixed point.</summary>
    public static string RoundTrips(Script script)
    {
        string canonical = script.ToString();
        Script again = Parses(canonical);
        Assert.Equal(script, again);
        Assert.Equal(canonical, again.ToString());
        return canonical;
    }

    public static Command SingleCommand(string text)
    {
        Script script = Parses(text);
        return Assert.Single(script.Commands);
    }
}

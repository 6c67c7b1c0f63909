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
    public static string RoundTrips(Script script, string? source = null)
    {
        string canonical = script.ToString();
        ParseResult result = ScriptParser.Parse(canonical);
        Assert.True(result.Succeeded, $"canonical `{canonical}` of `{source}` failed: {result.Error?.Message}");
        Assert.True(script.Equals(result.Script), $"canonical `{canonical}` of `{source}` reads back as `{result.Script}`");
        Assert.Equal(canonical, result.Script.ToString());
        return canonical;
    }

    public static Command SingleCommand(string text)
    {
        Script script = Parses(text);
        return Assert.Single(script.Commands);
    }
}

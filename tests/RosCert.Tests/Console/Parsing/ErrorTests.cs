using RosCert.Console.Parsing;
using RosCert.Core.Errors;
using Xunit;

namespace RosCert.Tests.Console.Parsing;

public class ErrorTests
{
    [Theory]
    [InlineData("add name=\"x", 1, 12)]
    [InlineData("print where (a=1", 1, 17)]
    [InlineData(":put [find", 1, 11)]
    [InlineData("}", 1, 1)]
    [InlineData(")", 1, 1)]
    [InlineData(":put (1 2)", 1, 9)]
    [InlineData(":put ()", 1, 7)]
    [InlineData("set x !", 1, 8)]
    [InlineData("set x !a=1", 1, 9)]
    [InlineData("print where", 1, 12)]
    [InlineData("print where a=", 1, 15)]
    [InlineData(":put \"\\q\"", 1, 7)]
    [InlineData(":put $ x", 1, 6)]
    [InlineData("=x", 1, 1)]
    [InlineData("add name=a=b", 1, 11)]
    [InlineData("print a\\b", 1, 8)]
    [InlineData(":put {\"a\" \"b\"}", 1, 11)]
    [InlineData(":put 1\n:put (2 3)", 2, 9)]
    [InlineData("{ :put 1", 1, 9)]
    [InlineData(":put [find]]", 1, 12)]
    public void Bad_input_gives_a_syntax_error_at_the_offending_column(string input, int line, int column)
    {
        ParseResult result = ScriptParser.Parse(input);
        Assert.False(result.Succeeded);
        Assert.Equal(ParseErrorKind.SyntaxError, result.Error.Kind);
        Assert.Equal((line, column), (result.Error.Position.Line, result.Error.Position.Column));
        Assert.Equal($"syntax error (line {line} column {column})", result.Error.Message);
    }

    [Theory]
    [InlineData("print where a=1 )", 1, 17)]
    [InlineData("print where a=b=c", 1, 16)]
    [InlineData(":put [find where (a=1))]", 1, 23)]
    public void Junk_after_a_where_condition_expects_end_of_command(string input, int line, int column)
    {
        ParseResult result = ScriptParser.Parse(input);
        Assert.False(result.Succeeded);
        Assert.Equal(ParseErrorKind.ExpectedEndOfCommand, result.Error.Kind);
        Assert.Equal($"expected end of command (line {line} column {column})", result.Error.Message);
    }

    [Fact]
    public void Errors_convert_to_router_os_exceptions()
    {
        ParseResult result = ScriptParser.Parse(":put [find");
        var exception = Assert.Throws<RouterOsException>(() => result.GetScriptOrThrow());
        Assert.Equal(ErrorKind.Syntax, exception.Kind);
        Assert.Equal("syntax error (line 1 column 11)", exception.Message);
    }

    [Theory]
    [InlineData("(", "")]
    [InlineData("[", "")]
    [InlineData("{", "")]
    [InlineData("!", "a")]
    [InlineData("-", "1")]
    [InlineData("\"$(", "")]
    [InlineData("$\"$\"", "")]
    public void Deep_nesting_is_a_syntax_error_not_a_crash(string opener, string tail)
    {
        string prefix = opener is "!" or "-" ? ":put (" : ":put ";
        string text = prefix + string.Concat(Enumerable.Repeat(opener, 20_000)) + tail;
        ParseResult result = ScriptParser.Parse(text);
        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Error.Position.Line);
    }

    [Fact]
    public void Nesting_within_the_limit_parses()
    {
        string text = ":put " + new string('(', 150) + "1" + new string(')', 150);
        ParseAssert.RoundTrips(ParseAssert.Parses(text));
    }

    [Fact]
    public void Very_long_operator_chains_are_refused_before_they_become_deep_trees()
    {
        string chain = ":put (" + string.Join(" + ", Enumerable.Repeat("1", 5000)) + ")";
        Assert.False(ScriptParser.Parse(chain).Succeeded);
        string shortChain = ":put (" + string.Join(" . ", Enumerable.Repeat("$a", 500)) + ")";
        ParseAssert.RoundTrips(ParseAssert.Parses(shortChain));
    }
}

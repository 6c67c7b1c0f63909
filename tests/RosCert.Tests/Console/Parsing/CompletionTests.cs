using RosCert.Console.Lexing;
using RosCert.Console.Parsing;
using Xunit;

namespace RosCert.Tests.Console.Parsing;

public class CompletionTests
{
    [Theory]
    [InlineData("/certificate/pr", CompletionSlot.Word, "/certificate/pr", null)]
    [InlineData("/certificate ", CompletionSlot.Word, "", null)]
    [InlineData("add key-si", CompletionSlot.Word, "key-si", null)]
    [InlineData("add key-size=20", CompletionSlot.ArgumentValue, "20", "key-size")]
    [InlineData("add key-size=", CompletionSlot.ArgumentValue, "", "key-size")]
    [InlineData("add key-size= ", CompletionSlot.Word, "", null)]
    [InlineData("add name=\"x", CompletionSlot.ArgumentValue, "\"x", "name")]
    [InlineData("print where tru", CompletionSlot.WhereProperty, "tru", null)]
    [InlineData("print where ", CompletionSlot.WhereProperty, "", null)]
    [InlineData("print where trusted=", CompletionSlot.WhereValue, "", "trusted")]
    [InlineData("print where trusted=n", CompletionSlot.WhereValue, "n", "trusted")]
    [InlineData("print where trusted=no and ", CompletionSlot.WhereProperty, "", null)]
    [InlineData("set 0 !tru", CompletionSlot.NegatedName, "!tru", null)]
    [InlineData(":put $na", CompletionSlot.Variable, "$na", null)]
    [InlineData(":put ($a + ", CompletionSlot.ExpressionValue, "", null)]
    [InlineData("", CompletionSlot.Word, "", null)]
    public void The_token_being_typed_and_its_role_are_known(string text, CompletionSlot slot, string prefix, string? name)
    {
        CompletionContext context = LineAnalyzer.Analyze(text);
        Assert.Equal((slot, prefix, name), (context.Slot, context.PrefixText, context.Name));
    }

    [Fact]
    public void Command_tokens_are_those_of_the_innermost_open_command()
    {
        CompletionContext context = LineAnalyzer.Analyze("/certificate print; :put [find where ");
        Assert.Equal(["find", "where"], context.CommandTokens.Select(t => t.Text));
        Assert.Equal(CompletionSlot.WhereProperty, context.Slot);

        CompletionContext nested = LineAnalyzer.Analyze(":foreach i in=[find] do={ /certificate/crl pr");
        Assert.Equal(["/certificate/crl"], nested.CommandTokens.Select(t => t.Text));
        Assert.Equal("pr", nested.PrefixText);

        CompletionContext afterBracket = LineAnalyzer.Analyze("set [find name=a] com");
        Assert.Equal(["set", "[", "find", "name", "=", "a", "]"], afterBracket.CommandTokens.Select(t => t.Text));
    }

    [Fact]
    public void An_unterminated_string_is_an_incomplete_token()
    {
        CompletionContext context = LineAnalyzer.Analyze(":put \"abc");
        Assert.True(context.IsInsideString);
        Assert.Equal(TokenKind.String, context.Prefix?.Kind);
        Assert.False(context.Parse.Succeeded);
        Assert.Equal(5, context.Prefix?.Offset);
    }

    [Fact]
    public void Tokens_carry_kinds_offsets_and_positions()
    {
        ParseResult result = ScriptParser.Parse("add name=\"a\" !x\nprint where k=1");
        Assert.Equal(
            [TokenKind.Word, TokenKind.ArgumentName, TokenKind.Equals, TokenKind.String, TokenKind.NegatedName,
                TokenKind.Separator, TokenKind.Word, TokenKind.Where, TokenKind.Property, TokenKind.Operator, TokenKind.Value],
            result.Tokens.Select(t => t.Kind));
        Token last = result.Tokens[^1];
        Assert.Equal(("1", 30, 2, 15), (last.Text, last.Offset, last.Position.Line, last.Position.Column));
    }
}

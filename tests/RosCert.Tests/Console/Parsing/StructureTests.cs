using RosCert.Console.Ast;
using Xunit;

namespace RosCert.Tests.Console.Parsing;

public class StructureTests
{
    [Fact]
    public void Path_words_tell_absolute_segments_and_parent()
    {
        Command command = ParseAssert.SingleCommand("/certificate/crl print .. / crl");
        Word[] words = [.. command.Parts.Cast<PositionalPart>().Select(p => Assert.IsType<Word>(p.Value))];
        Assert.True(words[0].IsAbsolutePath);
        Assert.Equal(["certificate", "crl"], words[0].PathSegments);
        Assert.False(words[1].IsAbsolutePath);
        Assert.True(words[2].IsParentPath);
        Assert.True(words[3].IsAbsolutePath);
        Assert.Empty(words[3].PathSegments);
        Assert.Equal(["crl"], words[4].PathSegments);
    }

    [Fact]
    public void Named_arguments_negations_and_positions()
    {
        Command command = ParseAssert.SingleCommand("set Server !trusted name=x comment=");
        Assert.Equal(new SourcePosition(1, 1), command.Position);
        var item = Assert.IsType<PositionalPart>(command.Parts[1]);
        Assert.Equal("Server", Assert.IsType<Word>(item.Value).Text);
        var negated = Assert.IsType<NegatedName>(command.Parts[2]);
        Assert.Equal(("trusted", new SourcePosition(1, 12)), (negated.Name, negated.Position));
        var name = Assert.IsType<NamedArgument>(command.Parts[3]);
        Assert.Equal(("name", new SourcePosition(1, 21)), (name.Name, name.Position));
        Assert.Equal(new SourcePosition(1, 26), name.Value.Position);
        var empty = Assert.IsType<NamedArgument>(command.Parts[4]);
        Assert.Equal("", Assert.IsType<StringLiteral>(empty.Value).Value);
    }

    [Fact]
    public void Where_clause_is_a_tree_of_properties_and_comparisons()
    {
        Command command = ParseAssert.SingleCommand("print count-only where private-key !trusted expires-after<3w");
        var where = Assert.IsType<WhereClause>(command.Parts[^1]);
        var outer = Assert.IsType<Binary>(where.Condition);
        Assert.Equal(BinaryOperator.And, outer.Operator);
        var inner = Assert.IsType<Binary>(outer.Left);
        Assert.Equal("private-key", Assert.IsType<Word>(inner.Left).Text);
        var not = Assert.IsType<Unary>(inner.Right);
        Assert.Equal(UnaryOperator.Not, not.Operator);
        var comparison = Assert.IsType<Binary>(outer.Right);
        Assert.Equal((BinaryOperator.Less, "expires-after", "3w"),
            (comparison.Operator, ((Word)comparison.Left).Text, ((Word)comparison.Right).Text));
        Assert.Equal(new SourcePosition(1, 58), comparison.Position);
    }

    [Fact]
    public void Braces_are_blocks_or_arrays_by_their_first_token()
    {
        Command foreachCommand = ParseAssert.SingleCommand(":foreach i in=[find] do={ :put $i }");
        var inArgument = Assert.IsType<NamedArgument>(foreachCommand.Parts[2]);
        Assert.IsType<CommandSubstitution>(inArgument.Value);
        var body = Assert.IsType<Block>(((NamedArgument)foreachCommand.Parts[3]).Value);
        Assert.Single(body.Body.Commands);

        Assert.IsType<Block>(ParseValueOf(":x do={}"));
        Assert.IsType<ArrayLiteral>(ParseValueOf(":x {}"));
        Assert.IsType<Block>(ParseValueOf(":x { :put 1 }"));
        var keyed = Assert.IsType<ArrayLiteral>(ParseValueOf(":x {name=a;size=2}"));
        Assert.Equal(["name", "size"], keyed.Items.Select(i => i.Key));
        var list = Assert.IsType<ArrayLiteral>(ParseValueOf(":x {1;\"b\";$c}"));
        Assert.All(list.Items, i => Assert.Null(i.Key));
    }

    [Fact]
    public void Strings_decode_escapes_and_split_interpolations()
    {
        var plain = Assert.IsType<StringLiteral>(ParseValueOf(":put \"a\\\"b\\\\c\\$d\\41\""));
        Assert.Equal("a\"b\\c$dA", plain.Value);
        var mixed = Assert.IsType<InterpolatedString>(ParseValueOf(":put \"n=$n [$[get 0 name]] $(1 + 2)\""));
        Assert.Collection(
            mixed.Parts,
            p => Assert.Equal("n=", Assert.IsType<TextPart>(p).Text),
            p => Assert.Equal("n", Assert.IsType<VariableRef>(Assert.IsType<InterpolationPart>(p).Expression).Name),
            p => Assert.Equal(" [", Assert.IsType<TextPart>(p).Text),
            p => Assert.IsType<CommandSubstitution>(Assert.IsType<InterpolationPart>(p).Expression),
            p => Assert.Equal("] ", Assert.IsType<TextPart>(p).Text),
            p => Assert.IsType<Binary>(Assert.IsType<InterpolationPart>(p).Expression));
    }

    [Fact]
    public void Expressions_follow_the_documented_precedence()
    {
        var sum = Assert.IsType<Binary>(ParseValueOf(":put (\"n\" . $i + 1)"));
        Assert.Equal(BinaryOperator.Concat, sum.Operator);
        Assert.Equal(BinaryOperator.Add, Assert.IsType<Binary>(sum.Right).Operator);
        var element = Assert.IsType<Unary>(ParseValueOf(":put (-$a->0)"));
        Assert.Equal(BinaryOperator.Element, Assert.IsType<Binary>(element.Operand).Operator);
        var words = Assert.IsType<Binary>(ParseValueOf(":put (2026-01-01 = *1F)"));
        Assert.Equal(("2026-01-01", "*1F"), (((Word)words.Left).Text, ((Word)words.Right).Text));
    }

    [Fact]
    public void Positions_count_physical_lines_and_columns()
    {
        Script script = ParseAssert.Parses("# c\n:put 1\n  :put \\\n  [find]");
        Assert.Equal(new SourcePosition(2, 1), script.Commands[0].Position);
        Command second = script.Commands[1];
        Assert.Equal(new SourcePosition(3, 3), second.Position);
        Assert.Equal(new SourcePosition(4, 3), second.Parts[1].Position);
    }

    [Fact]
    public void Equality_ignores_positions_but_not_content()
    {
        Assert.Equal(ParseAssert.Parses("print  detail"), ParseAssert.Parses("print detail"));
        Assert.NotEqual(ParseAssert.Parses("print detail"), ParseAssert.Parses("print brief"));
        Assert.NotEqual(ParseAssert.Parses(":put \"1\""), ParseAssert.Parses(":put 1"));
    }

    private static Expression ParseValueOf(string line) =>
        ParseAssert.SingleCommand(line).Parts[1] switch
        {
            PositionalPart positional => positional.Value,
            NamedArgument named => named.Value,
            var other => throw new InvalidOperationException(other.ToString()),
        };
}

using RosCert.Console.Repl;
using Xunit;

namespace RosCert.Tests.Console.Repl;

public sealed class StatementSplitterTests
{
    [Theory]
    [InlineData("print\n", true)]
    [InlineData(":if (1=1) do={\n", false)]
    [InlineData(":if (1=1) do={\n:put 1\n}\n", true)]
    [InlineData("add name=\"x\n", false)]
    [InlineData("add name=x \\\n", false)]
    [InlineData("# the CA's \"key\" {\n", true)]
    [InlineData("  # comment with [ bracket\nprint\n", true)]
    [InlineData(":put \"# not a comment {\"\n", true)]
    public void Knows_when_a_statement_is_complete(string text, bool complete) =>
        Assert.Equal(complete, StatementSplitter.IsComplete(text));

    [Fact]
    public void Groups_piped_lines_into_statements()
    {
        string[] statements = StatementSplitter.Split(new StringReader("add name=a\n:foreach i in={1;2} do={\n:put $i\n}\nprint\n")).ToArray();
        Assert.Equal(["add name=a\n", ":foreach i in={1;2} do={\n:put $i\n}\n", "print\n"], statements);
    }
}

using Xunit;

namespace RosCert.Tests.Console.Parsing;

public class CanonicalFormTests
{
    [Theory]
    [InlineData("  print   detail  ", "print detail")]
    [InlineData("print where private-key and !trusted", "print where private-key && !trusted")]
    [InlineData("find where issued expires-after<3w", "find where issued && expires-after<3w")]
    [InlineData("print where not trusted = yes", "print where !(trusted=yes)")]
    [InlineData("print where a in $b", "print where a in $b")]
    [InlineData("add name= common-name=x", "add name=\"\" common-name=x")]
    [InlineData(":put ($a=1)", ":put ($a=1)")]
    [InlineData(":put ( \"a\"  .$b. \"c\" )", ":put (\"a\" . $b . \"c\")")]
    [InlineData(":put ($\"arr\"->\"key\")", ":put ($arr->\"key\")")]
    [InlineData(":put (($x))", ":put $x")]
    [InlineData("a; b;; c", "a\nb\nc")]
    [InlineData(":put [ find ]", ":put [find]")]
    [InlineData(":put [a;b]", ":put [a; b]")]
    [InlineData("do={:put 1}", "do={ :put 1 }")]
    [InlineData("x do={}", "x do={}")]
    [InlineData(":local a { \"x\" ; \"y\" ; }", ":local a {\"x\";\"y\"}")]
    [InlineData(":local a {}", ":local a {}")]
    [InlineData(":local a {\"key\"=1;\"two words\"=2}", ":local a {key=1;\"two words\"=2}")]
    [InlineData(":put \"\\_\\61\\?\"", ":put \" a\\?\"")]
    [InlineData(":put \"$a$(\"b\")$[c]$\"d-e\"\"", ":put \"$a$(\"b\")$[c]$\"d-e\"\"")]
    [InlineData(":put \"$\"a\"bc\"", ":put \"$\"a\"bc\"")]
    [InlineData(":put \"$(x)\"", ":put \"$(x)\"")]
    [InlineData(":put \"a\\\nb\"", ":put \"ab\"")]
    [InlineData(":put \"\\07\"", ":put \"\\07\"")]
    [InlineData("print \\\n  detail", "print detail")]
    [InlineData("(#x)", "(#x)")]
    [InlineData(":put (where)", ":put (where)")]
    [InlineData(":put {(abc);(#d)}", ":put {(abc);(#d)}")]
    [InlineData(":put {;\"a\"}", ":put {\"a\"}")]
    [InlineData(":set l ($l,$x)", ":set l ($l, $x)")]
    [InlineData(":set l (a,b , c)", ":set l (a,b , c)")]
    public void Input_prints_in_canonical_form(string input, string canonical)
    {
        Assert.Equal(canonical, ParseAssert.RoundTrips(ParseAssert.Parses(input)));
    }
}

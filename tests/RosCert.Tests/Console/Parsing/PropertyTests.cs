using CsCheck;
using RosCert.Console.Parsing;
using Xunit;

namespace RosCert.Tests.Console.Parsing;

public class PropertyTests
{
    private const string SpecialChars = "\"$[](){}=;!<>~\\#\n\r \t.-+*/%&|,:?_'";

    private static readonly string[] s_fragments =
    [
        "print", "where", "do=", "else=", "{", "}", "[", "]", "(", ")", "\"", "$", "$a", "$\"", "$(", "$[", "=",
        "!", "!=", "<=", ">=", "->", "&&", "||", "and", "or", "not", "in", ".", "-", "+", "*", "/", " ", "\n", ";",
        "#", "\\", "\\\n", "\\41", "\\\"", "x", "1", "3w", "/certificate", "..", "name=", "*1F", "-5", "a-", "{}",
    ];

    [Fact]
    public void Random_text_never_throws_and_either_round_trips_or_has_a_valid_position()
    {
        Gen<string> specialMix = Gen.String[Gen.Char[SpecialChars + "abcxyz019"], 0, 40];
        Gen<string> fragmentMix = Gen.OneOfConst(s_fragments).Array[0, 16].Select(parts => string.Concat(parts));
        Gen.OneOf(specialMix, fragmentMix, Gen.String).Sample(CheckAnyText, iter: 20_000);
    }

    [Fact]
    public void Real_lines_with_a_random_character_inserted_or_removed_behave()
    {
        IReadOnlyList<string> lines = RoundTripTests.Lines;
        Gen.Select(Gen.Int[0, lines.Count - 1], Gen.Int[0, 200], Gen.Char[SpecialChars], Gen.Bool)
            .Sample(
                (index, at, c, insert) =>
                {
                    string line = lines[index];
                    int position = at % (line.Length + 1);
                    CheckAnyText(insert || position == line.Length
                        ? line.Insert(position, c.ToString())
                        : line.Remove(position, 1));
                },
                iter: 20_000);
    }

    [Fact]
    public void Every_prefix_of_a_real_line_parses_or_fails_cleanly()
    {
        foreach (string line in RoundTripTests.Lines)
        {
            for (int length = 0; length <= line.Length; length++)
            {
                CheckAnyText(line[..length]);
            }
        }
    }

    /// <summary>
    /// A hang guard, not a speed test (speed lives in bench/): a 1.6 MB script and deep unclosed
    /// noise both finish; a parser that backtracked or recursed without bound would not within a minute.
    /// </summary>
    [Fact]
    public async Task Large_and_hostile_inputs_finish()
    {
        string unit = ":foreach i in=[find where trusted=no] do={ :put (\"n=\" . [get $i name]) }\n";
        string big = string.Concat(Enumerable.Repeat(unit, 20_000));
        string noise = string.Concat(Enumerable.Repeat("{a (\"$[", 30_000));

        (bool Big, bool Noise) parsed = await Task.Run(() => (ScriptParser.Parse(big).Succeeded, ScriptParser.Parse(noise).Succeeded))
            .WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(parsed.Big);
        Assert.False(parsed.Noise);
    }

    private static void CheckAnyText(string text)
    {
        ParseResult result = ScriptParser.Parse(text);
        if (result.Succeeded)
        {
            ParseAssert.RoundTrips(result.Script, text);
        }
        else
        {
            string[] lines = text.Split('\n');
            int line = result.Error.Position.Line;
            Assert.InRange(line, 1, lines.Length);
            Assert.InRange(result.Error.Position.Column, 1, lines[line - 1].Length + 1);
        }

        Assert.All(result.Tokens, token => Assert.Equal(token.Text, text.Substring(token.Offset, token.Length)));
        _ = LineAnalyzer.Analyze(text);
    }
}

using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Transcripts;

/// <summary>
/// Replays the transcript case files of <c>tests/cases</c>: a line <c>&gt; statement</c> (further
/// lines of the same statement start with <c>&gt;&gt; </c>), then the exact output expected, up to
/// the next statement. Lines starting with <c>#</c> between cases are comments. Each file runs on a
/// fresh store under a fixed clock and the UTC zone.
/// </summary>
public sealed class TranscriptTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Transcript_matches(string caseFile)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cases", caseFile)).Replace("\r\n", "\n");
        string[] lines = (text.EndsWith('\n') ? text[..^1] : text).Split('\n');
        using var console = new TestConsole();
        var recorded = new System.Text.StringBuilder();
        var failures = new List<string>();
        foreach ((string statement, string expected, int line) in Steps(lines))
        {
            string actual = console.Run(statement);
            recorded.Append("> ").Append(statement.Replace("\n", "\n>> ", StringComparison.Ordinal)).Append('\n').Append(actual).Append('\n');
            if (expected != actual)
            {
                failures.Add($"{caseFile}:{line}: `{statement}`\n--- expected\n{expected}--- actual\n{actual}---");
            }
        }

        if (failures.Count > 0 && Environment.GetEnvironmentVariable("ROSCERT_RECORD_TRANSCRIPTS") == "1")
        {
            // For a human to review and copy over the case file; never used to pass a test.
            File.WriteAllText(Path.Combine(Path.GetTempPath(), caseFile + ".actual"), recorded.ToString());
        }

        Assert.True(failures.Count == 0, failures.FirstOrDefault());
    }

    /// <summary>
    /// Splits a case file into steps. A step's expected output runs to the next <c>&gt; </c> or
    /// <c>## </c> line; exactly one blank line before that is a separator, not output (so output that
    /// ends in an empty line, like <c>print detail</c>, is followed by two).
    /// </summary>
    private static IEnumerable<(string Statement, string Expected, int Line)> Steps(string[] lines)
    {
        int i = 0;
        while (i < lines.Length)
        {
            if (!lines[i].StartsWith("> ", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            int start = i + 1;
            var statement = new List<string> { lines[i++][2..] };
            while (i < lines.Length && lines[i].StartsWith(">> ", StringComparison.Ordinal))
            {
                statement.Add(lines[i++][3..]);
            }

            var expected = new List<string>();
            while (i < lines.Length && !lines[i].StartsWith("> ", StringComparison.Ordinal) && !lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                expected.Add(lines[i++]);
            }

            if (expected.Count > 0 && expected[^1].Length == 0)
            {
                expected.RemoveAt(expected.Count - 1);
            }

            string text = expected.Count == 0 ? "" : string.Join('\n', expected) + "\n";
            yield return (string.Join('\n', statement), text, start);
        }
    }
}

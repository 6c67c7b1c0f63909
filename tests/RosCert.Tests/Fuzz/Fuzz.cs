using System.Diagnostics;
using System.Globalization;
using CsCheck;
using RosCert.Commands.Catalogue;
using Xunit;

namespace RosCert.Tests.Fuzz;

/// <summary>
/// The shared fuzz helper (issue 10), for every parser that takes outside bytes, including the SCEP
/// and ACME parsers written elsewhere: how many inputs to try (<c>ROSCERT_FUZZ_ITERATIONS</c>, which
/// <c>tests/fuzz/run</c> raises), mutated seeds, a time bound per input, and the regression corpus
/// (<c>tests/RosCert.Tests/Fuzz/corpus/TARGET/*</c>: every input that once found a bug).
/// </summary>
internal static class Fuzz
{
    /// <summary>Every input gets this long, even on a loaded CI machine: more means a hang or a quadratic path.</summary>
    public static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    /// <summary>How many inputs a fuzz test tries: <paramref name="inCi"/>, or <c>ROSCERT_FUZZ_ITERATIONS</c> when set.</summary>
    public static long Iterations(long inCi) =>
        long.TryParse(Environment.GetEnvironmentVariable("ROSCERT_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 ? n : inCi;

    /// <summary>Random bytes, or a seed with bytes flipped, inserted, removed, truncated or spliced with another seed.</summary>
    public static Gen<byte[]> Mutated(IReadOnlyList<byte[]> seeds) =>
        Gen.Frequency(
            (1, Gen.Byte.Array[0, 512]),
            (6, Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, seeds.Count - 1], Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 6])
                .Select((a, b, edits) => Apply(seeds[a], seeds[b], edits))));

    /// <summary>Runs <paramref name="action"/> and fails when it took longer than <see cref="PerInput"/>.</summary>
    public static void Within(string what, Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        Assert.True(watch.Elapsed < PerInput, $"{what} took {watch.Elapsed}");
    }

    /// <summary>The files kept for a target (empty when none): each ran into a bug once and runs as a regression test.</summary>
    public static IEnumerable<string> Corpus(string target)
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus", target);
        return Directory.Exists(directory) ? Directory.GetFiles(directory).Order(StringComparer.Ordinal) : [];
    }

    /// <summary>Menus that answer commands, without the protocol clients that would reach out to the network.</summary>
    public static Menu[] CommandMenus(Catalogue catalogue) =>
        [.. catalogue.AllMenus().Where(m => m.Commands.Count > 0 && !m.Path.Contains("scep", StringComparison.Ordinal) && !m.Path.Contains("acme", StringComparison.Ordinal))];

    /// <summary>Short values a user might type: names, numbers, ids, lists, and the characters parsers trip on.</summary>
    public static Gen<string> Value { get; } = Gen.OneOf(
        Gen.String[Gen.Char["abcxyz0129*=-:.,/\"$[]{}();\\ \t#?!~^%&|<>'"], 0, 16],
        Gen.OneOfConst("ca", "*1", "*FFFFFFFF", "0", "-1", "99999999999999999999", "yes", "no", "1d2h", "", "a,b", "../../x", "/etc/passwd", "prime256v1"));

    private static byte[] Apply(byte[] seed, byte[] other, (int Kind, int Position, byte Value)[] edits)
    {
        var bytes = new List<byte>(seed);
        foreach ((int kind, int position, byte value) in edits)
        {
            int at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << (value % 8));
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.AddRange(other.Skip(position % Math.Max(1, other.Length)).Take(value));
                    break;
            }
        }

        return [.. bytes];
    }
}

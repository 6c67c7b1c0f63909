using System.Globalization;

namespace RosCert.Interop.Tests.Reliability;

/// <summary>
/// How hard the crash and load harnesses push. CI runs the short form; the long form of issue 10 is
/// <c>ROSCERT_CRASH_ROUNDS=50 ROSCERT_LOAD_SECONDS=60 dotnet test tests/RosCert.Interop.Tests --filter
/// FullyQualifiedName~Reliability</c> (see docs/security.md). <c>ROSCERT_CRASH_SEED</c> replays a run.
/// </summary>
internal static class CrashRounds
{
    public static int Console => Number("ROSCERT_CRASH_ROUNDS", 8);

    /// <summary>Daemon rounds cost a start-up each (ports, Kestrel, TLS): a third of the console rounds, at least 3.</summary>
    public static int Daemon => Math.Max(3, Console / 3);

    public static TimeSpan LoadDuration => TimeSpan.FromSeconds(Number("ROSCERT_LOAD_SECONDS", 15));

    public static int Seed => Number("ROSCERT_CRASH_SEED", Environment.TickCount & 0x7fffffff);

    private static int Number(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;
}

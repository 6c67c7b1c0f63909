using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using RosCert.Interop.Tests.Daemon;
using Xunit;

namespace RosCert.Interop.Tests.Reliability;

/// <summary>
/// Concurrency (issue 10): two consoles, the daemon's REST and API faces and its scheduler write one
/// data dir at once (15 s in CI, <c>ROSCERT_LOAD_SECONDS</c> for the long form). Nobody is refused
/// (no <c>database is locked</c> reaches a user), every acknowledged change is stored, names and
/// serial numbers stay unique and <c>roscert check</c> passes.
/// </summary>
public sealed class ConcurrencyTests
{
    private const string Tick = """
        /system script add name=tick source=":local n [:len [/certificate find where name~\"^sch-\"]]; /certificate add name=(\"sch-\" . \$n) common-name=sch key-size=prime256v1"
        /system scheduler add name=tick interval=1s on-event=tick
        """;

    [Fact]
    public async Task Consoles_rest_api_and_scheduler_writing_one_data_dir_lose_nothing()
    {
        using var console = new RosCertProcess();
        console.Script("""
            /certificate add name=ca common-name=CA key-size=prime256v1 key-usage=key-cert-sign,crl-sign
            /certificate sign ca
            """);
        using var daemon = new DaemonProcess(console, Tick);
        using var rest = new RestWrites(daemon);
        var acknowledged = new Acknowledgements();
        var refusals = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        bool KeepGoing() => clock.Elapsed < CrashRounds.LoadDuration;

        Task[] writers =
        [
            Task.Run(() => ConsoleWrites(console, "ka", acknowledged, KeepGoing, refusals.Enqueue)),
            Task.Run(() => ConsoleWrites(console, "kb", acknowledged, KeepGoing, refusals.Enqueue)),
            Task.Run(() => rest.Run("rest", acknowledged, KeepGoing, refusals.Enqueue)),
            Task.Run(() => ApiWrites.Run(daemon.ApiPort, "api", acknowledged, KeepGoing, refusals.Enqueue)),
        ];
        await Task.WhenAll(writers);
        Assert.Equal(0, daemon.Terminate());

        Assert.Empty(refusals);
        Assert.DoesNotContain("locked", daemon.Log, StringComparison.OrdinalIgnoreCase);
        console.AssertWhole("after the load");
        StoreSnapshot store = StoreSnapshot.Read(console.DataDirectory);
        acknowledged.AssertIn(store, new Dictionary<string, string>(), "after the load");
        foreach (string face in new[] { "ka-", "kb-", "rest-", "api-", "sch-" })
        {
            Assert.Contains(store.Entries.Keys, name => name.StartsWith(face, StringComparison.Ordinal));
        }
    }

    /// <summary>Runs console scripts of 20 add + sign pairs, one process after another, until time is up.</summary>
    private static void ConsoleWrites(RosCertProcess console, string prefix, Acknowledgements acknowledged, Func<bool> keepGoing, Action<string> refused)
    {
        for (int batch = 0; keepGoing(); batch++)
        {
            var script = new StringBuilder("/certificate\n");
            for (int i = 0; i < 20; i++)
            {
                string name = FormattableString.Invariant($"{prefix}-{batch}-{i}");
                script.Append(FormattableString.Invariant($"add name={name} common-name={name} key-size=prime256v1\n:put \"ack add {name}\"\n"));
                script.Append(FormattableString.Invariant($"sign {name} ca=ca\n:put \"ack sign {name}\"\n"));
            }

            Peer.Result result = console.Run(script.ToString());
            acknowledged.AddMarkers(result.Output.Split('\n'));
            if (result.ExitCode != 0)
            {
                refused($"console {prefix}: {result.Error}");
                return;
            }
        }
    }
}

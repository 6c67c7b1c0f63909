using RosCert.Interop.Tests.Daemon;
using Xunit;

namespace RosCert.Interop.Tests.Reliability;

/// <summary>
/// Crash safety of the daemon (issue 10): <c>roscert serve</c> is killed with SIGKILL at a random moment
/// of a REST burst of adds and signs; <c>roscert check</c> passes and every 200 reply is in the store.
/// </summary>
public sealed class DaemonCrashTests
{
    [Fact]
    public async Task The_daemon_killed_under_rest_writes_keeps_every_acknowledged_change()
    {
        int seed = CrashRounds.Seed;
        var random = new Random(seed);
        using var console = new RosCertProcess();
        console.Script("""
            /certificate add name=ca common-name=CA key-size=prime256v1 key-usage=key-cert-sign,crl-sign
            /certificate sign ca
            """);
        var acknowledged = new Acknowledgements();
        for (int round = 0; round < CrashRounds.Daemon; round++)
        {
            using var daemon = new DaemonProcess(console);
            using var rest = new RestWrites(daemon);
            int before = acknowledged.Count;
            int thisRound = round;
            Task[] writers = [.. Enumerable.Range(0, 3).Select(w => Task.Run(() => rest.Run($"d{thisRound}-w{w}", acknowledged, () => true, _ => { })))];
            daemon.WaitFor(() => acknowledged.Count > before, "a first acknowledged write");
            Thread.Sleep(random.Next(200, 2000));
            daemon.Kill();
            await Task.WhenAll(writers);

            string context = $"after daemon round {round} (ROSCERT_CRASH_SEED={seed})";
            console.AssertWhole(context);
            acknowledged.AssertIn(StoreSnapshot.Read(console.DataDirectory), new Dictionary<string, string>(), context);
        }
    }
}

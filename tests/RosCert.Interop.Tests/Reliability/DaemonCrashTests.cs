using System.Net;
using System.Net.Http.Headers;
using System.Text;
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
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:pw")));
            int before = acknowledged.Count;
            int thisRound = round;
            Task[] writers = [.. Enumerable.Range(0, 3).Select(w => Task.Run(() => RestWriter(client, daemon, $"d{thisRound}-w{w}", acknowledged)))];
            daemon.WaitFor(() => acknowledged.Count > before, "a first acknowledged write");
            Thread.Sleep(random.Next(200, 2000));
            daemon.Kill();
            await Task.WhenAll(writers);

            string context = $"after daemon round {round} (ROSCERT_CRASH_SEED={seed})";
            console.AssertWhole(context);
            acknowledged.AssertIn(StoreSnapshot.Read(console.DataDirectory), new Dictionary<string, string>(), context);
        }
    }

    /// <summary>Adds and signs templates over REST until the daemon dies; each 200 reply is an acknowledgement.</summary>
    private static async Task RestWriter(HttpClient client, DaemonProcess daemon, string prefix, Acknowledgements acknowledged)
    {
        for (int i = 0; ; i++)
        {
            string name = $"{prefix}-{i}";
            try
            {
                if (!await Post(client, HttpMethod.Put, daemon.Rest("certificate"), $$"""{"name":"{{name}}","common-name":"{{name}}","key-size":"prime256v1"}"""))
                {
                    return;
                }

                acknowledged.Add("add", name);
                if (!await Post(client, HttpMethod.Post, daemon.Rest("certificate/sign"), $$"""{"number":"{{name}}","ca":"ca"}"""))
                {
                    return;
                }

                acknowledged.Add("sign", name);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // killed: whatever was in flight was never acknowledged
            }
        }
    }

    private static async Task<bool> Post(HttpClient client, HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using HttpResponseMessage reply = await client.SendAsync(request);
        return reply.StatusCode == HttpStatusCode.OK;
    }

}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace RosCert.Interop.Tests.Daemon;

/// <summary>SIGTERM during a burst of REST writes: the daemon exits 0 and every acknowledged write is in the store (issue 5).</summary>
public sealed class DrainTests
{
    [Fact]
    public async Task Every_acknowledged_write_survives_a_sigterm_in_the_middle_of_a_burst()
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:pw")));
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();

        async Task Writer(int worker)
        {
            for (int i = 0; i < 200; i++)
            {
                string name = $"w{worker}-{i}";
                try
                {
                    using var body = new StringContent($$"""{"name":"{{name}}","common-name":"{{name}}"}""", Encoding.UTF8, "application/json");
                    using HttpResponseMessage reply = await client.PutAsync(daemon.Rest("certificate"), body);
                    if (reply.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged.Add(name);
                    }
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                {
                    return; // the daemon stopped: later writes were never acknowledged
                }
            }
        }

        Task[] writers = [.. Enumerable.Range(0, 4).Select(w => Task.Run(() => Writer(w)))];
        daemon.WaitFor(() => acknowledged.Count >= 20, "some writes to be acknowledged");
        Assert.Equal(0, daemon.Terminate());
        await Task.WhenAll(writers);

        string[] stored = console.Script(":foreach i in=[find] do={ :put [get $i name] }").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(acknowledged);
        Assert.All(acknowledged, name => Assert.Contains(name, stored));
    }
}

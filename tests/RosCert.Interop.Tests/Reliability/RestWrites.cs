using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RosCert.Interop.Tests.Daemon;

namespace RosCert.Interop.Tests.Reliability;

/// <summary>
/// Adds and signs EC templates over the daemon's REST face; each 200 reply is an acknowledgement,
/// any other reply a refusal the caller is told about (its body).
/// </summary>
internal sealed class RestWrites(DaemonProcess daemon) : IDisposable
{
    private readonly HttpClient _client = new()
    {
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:pw"))) },
    };

    /// <summary>Writes <c>prefix-0</c>, <c>prefix-1</c>, … while <paramref name="keepGoing"/> holds; stops at a refusal or a dead daemon.</summary>
    public async Task Run(string prefix, Acknowledgements acknowledged, Func<bool> keepGoing, Action<string> refused)
    {
        for (int i = 0; keepGoing(); i++)
        {
            string name = FormattableString.Invariant($"{prefix}-{i}");
            try
            {
                if (!await Send(HttpMethod.Put, "certificate", $$"""{"name":"{{name}}","common-name":"{{name}}","key-size":"prime256v1"}""", refused))
                {
                    return;
                }

                acknowledged.Add("add", name);
                if (!await Send(HttpMethod.Post, "certificate/sign", $$"""{"number":"{{name}}","ca":"ca"}""", refused))
                {
                    return;
                }

                acknowledged.Add("sign", name);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // the daemon died: whatever was in flight was never acknowledged
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<bool> Send(HttpMethod method, string path, string json, Action<string> refused)
    {
        using var request = new HttpRequestMessage(method, daemon.Rest(path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using HttpResponseMessage reply = await _client.SendAsync(request);
        if (reply.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }

        refused($"REST {method} {path}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
        return false;
    }
}

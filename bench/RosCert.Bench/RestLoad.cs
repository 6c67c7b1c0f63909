using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace RosCert.Bench;

/// <summary>
/// The REST case's load generator (issue 5): <see cref="Clients"/> HttpClients that each add a P-256
/// template (<c>PUT /rest/certificate</c>) and sign it under <c>ca</c> (<c>POST /rest/certificate/sign</c>),
/// and the time of one <c>GET /rest/certificate</c> of the whole list. Every reply must be 2xx.
/// </summary>
internal sealed class RestLoad : IDisposable
{
    public const int Clients = 8;
    private readonly HttpClient _http;

    public RestLoad(string baseUrl, string user, string password)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
    }

    /// <summary>Template+sign pairs per second over <paramref name="total"/> pairs shared by the clients.</summary>
    public async Task<double> SignRateAsync(string prefix, int total)
    {
        int next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            for (int i = Interlocked.Increment(ref next); i < total; i = Interlocked.Increment(ref next))
            {
                string name = prefix + i.ToString(CultureInfo.InvariantCulture);
                await SendAsync(HttpMethod.Put, "/rest/certificate", $$"""{"name":"{{name}}","common-name":"{{name}}","key-size":"prime256v1","key-usage":"digital-signature,tls-client"}""").ConfigureAwait(false);
                await SendAsync(HttpMethod.Post, "/rest/certificate/sign", $$"""{"number":"{{name}}","ca":"ca"}""").ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
        return total / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Milliseconds of one <c>GET /rest/certificate</c>, body read to the end; and the body's length.</summary>
    public async Task<(double Milliseconds, long Bytes)> ListAsync()
    {
        var watch = Stopwatch.StartNew();
        byte[] body = await _http.GetByteArrayAsync(new Uri("/rest/certificate", UriKind.Relative)).ConfigureAwait(false);
        return (watch.Elapsed.TotalMilliseconds, body.LongLength);
    }

    private async Task SendAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using HttpResponseMessage response = await _http.SendAsync(request).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            string detail = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {detail}");
        }
    }

    public void Dispose() => _http.Dispose();
}

using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using RosCert.Acme.Wire;

namespace RosCert.Acme.Client;

/// <summary>
/// The HTTP side of one ACME conversation: directory, nonce pool of one (RFC 8555 §7.2: every
/// response carries a fresh <c>Replay-Nonce</c>), signed POSTs with up to five retries on
/// <c>badNonce</c> (§6.5; pebble rejects 5% of nonces by default), size limits on every body and
/// problem documents turned into <see cref="AcmeException"/>.
/// </summary>
public sealed class AcmeTransport(HttpClient http, Uri directoryUrl, TimeProvider clock)
{
    /// <summary>Largest JSON body read (orders of many names stay far below).</summary>
    public const int MaxJsonBytes = 256 * 1024;

    /// <summary>Largest certificate chain read.</summary>
    public const int MaxChainBytes = 1024 * 1024;

    private const int NonceAttempts = 6;
    private string? _nonce;
    private AcmeDirectory? _directory;

    public Uri DirectoryUrl => directoryUrl;

    public TimeProvider Clock => clock;

    public async Task<AcmeDirectory> DirectoryAsync(CancellationToken cancel)
    {
        if (_directory is null)
        {
            AcmeResponse response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, directoryUrl), MaxJsonBytes, cancel).ConfigureAwait(false);
            if (response.IsProblem)
            {
                throw new AcmeException($"directory {directoryUrl}: {response.Problem()}", response.Problem());
            }

            using JsonDocument json = response.Json();
            _directory = AcmeDirectory.Parse(json.RootElement, directoryUrl);
        }

        return _directory;
    }

    /// <summary>A GET without signature (renewalInfo, RFC 9773 §4.1).</summary>
    public Task<AcmeResponse> GetAsync(Uri url, CancellationToken cancel) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), MaxJsonBytes, cancel);

    /// <summary>
    /// A JWS POST (payload null: POST-as-GET). Retries <c>badNonce</c> with the nonce of the error;
    /// any other problem throws with the server's text.
    /// </summary>
    public async Task<AcmeResponse> PostAsync(Uri url, byte[]? payload, ECDsa accountKey, string? kid, CancellationToken cancel, int maxBytes = MaxJsonBytes, string? accept = null)
    {
        for (int attempt = 1; ; attempt++)
        {
            string nonce = await TakeNonceAsync(cancel).ConfigureAwait(false);
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new ByteArrayContent(Jws.Sign(accountKey, url.AbsoluteUri, nonce, kid, payload)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/jose+json");
            if (accept is not null)
            {
                request.Headers.Accept.ParseAdd(accept);
            }

            AcmeResponse response = await SendAsync(request, maxBytes, cancel).ConfigureAwait(false);
            if (!response.IsProblem)
            {
                return response;
            }

            AcmeProblem problem = response.Problem();
            if (problem.Known?.Action == ProblemAction.RetryWithNewNonce && attempt < NonceAttempts)
            {
                continue;
            }

            throw new AcmeException(problem.ToString(), problem, response.RetryAfter);
        }
    }

    private async Task<string> TakeNonceAsync(CancellationToken cancel)
    {
        if (Interlocked.Exchange(ref _nonce, null) is { } nonce)
        {
            return nonce;
        }

        AcmeDirectory directory = await DirectoryAsync(cancel).ConfigureAwait(false);
        AcmeResponse response = await SendAsync(new HttpRequestMessage(HttpMethod.Head, directory.NewNonce), MaxJsonBytes, cancel).ConfigureAwait(false);
        return Interlocked.Exchange(ref _nonce, null) ?? throw new AcmeException($"newNonce gave no Replay-Nonce (HTTP {response.Status})");
    }

    private async Task<AcmeResponse> SendAsync(HttpRequestMessage request, int maxBytes, CancellationToken cancel)
    {
        using (request)
        {
            request.Headers.UserAgent.ParseAdd("RosCert-ACME/1.0");
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            }
            catch (HttpRequestException error)
            {
                throw new AcmeException($"cannot reach {request.RequestUri}: {Innermost(error)}", error);
            }
            catch (TaskCanceledException error) when (!cancel.IsCancellationRequested)
            {
                throw new AcmeException($"{request.RequestUri} did not answer in time", error);
            }

            using (response)
            {
                if (response.Headers.TryGetValues("Replay-Nonce", out IEnumerable<string>? nonces) && nonces.FirstOrDefault() is { Length: > 0 and < 512 } fresh)
                {
                    _nonce = fresh;
                }

                byte[] body = await ReadLimitedAsync(response.Content, maxBytes, cancel).ConfigureAwait(false);
                return new AcmeResponse(
                    (int)response.StatusCode,
                    body,
                    response.Content.Headers.ContentType?.MediaType,
                    response.Headers.Location is { } location ? new Uri(request.RequestUri!, location) : null,
                    AcmeResponse.ReadAlternates(response, request.RequestUri!),
                    AcmeResponse.ReadRetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()));
            }
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, int maxBytes, CancellationToken cancel)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw new AcmeException($"server response is larger than {maxBytes} bytes");
        }

        using Stream stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new AcmeException($"server response is larger than {maxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Innermost(Exception error)
    {
        while (error.InnerException is { } inner)
        {
            error = inner;
        }

        return error.Message;
    }
}

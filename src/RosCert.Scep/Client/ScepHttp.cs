using System.Net.Http.Headers;
using RosCert.Scep.Wire;

namespace RosCert.Scep.Client;

/// <summary>An HTTP answer from a SCEP server.</summary>
public sealed record ScepHttpReply(int StatusCode, string ContentType, byte[] Body);

/// <summary>
/// The client's HTTP side of RFC 8894 §4: <c>operation=</c> queries by GET, PKIOperation by POST or
/// GET with the message base64 and URL-escaped. Answers are bounded in size and time.
/// </summary>
public sealed class ScepHttp : IDisposable
{
    public const int MaxReplyBytes = 1 << 20;
    private readonly HttpClient _client;

    public ScepHttp(HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        _client = handler is null ? new HttpClient() : new HttpClient(handler);
        _client.Timeout = timeout ?? TimeSpan.FromSeconds(30);
        _client.MaxResponseContentBufferSize = MaxReplyBytes;
    }

    public ScepHttpReply Get(string url, string operation, string? message = null)
    {
        string separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        string query = $"{url}{separator}operation={operation}";
        if (message is not null)
        {
            query += "&message=" + Uri.EscapeDataString(message);
        }

        return Send(new HttpRequestMessage(HttpMethod.Get, query));
    }

    public ScepHttpReply Post(string url, byte[] message)
    {
        string separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var content = new ByteArrayContent(message);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-pki-message");
        return Send(new HttpRequestMessage(HttpMethod.Post, $"{url}{separator}operation=PKIOperation") { Content = content });
    }

    private ScepHttpReply Send(HttpRequestMessage request)
    {
        try
        {
            using (request)
            using (HttpResponseMessage response = _client.Send(request))
            {
                using Stream body = response.Content.ReadAsStream();
                using var buffer = new MemoryStream();
                byte[] chunk = new byte[16 * 1024];
                int read;
                while ((read = body.Read(chunk, 0, chunk.Length)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > MaxReplyBytes)
                    {
                        throw new ScepException("the SCEP server's answer is too large");
                    }
                }

                return new ScepHttpReply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", buffer.ToArray());
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException or UriFormatException)
        {
            throw new ScepException("cannot reach the SCEP server: " + error.Message, error);
        }
    }

    public void Dispose() => _client.Dispose();
}

using System.Net;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>How long a CRL download may take and how big the CRL may be.</summary>
public sealed record CrlFetchLimits(TimeSpan Timeout, long MaxBytes)
{
    /// <summary>30 seconds and 64 MiB: room for a CRL of a million entries (about 40 MiB), no more.</summary>
    public static readonly CrlFetchLimits Default = new(TimeSpan.FromSeconds(30), 64L * 1024 * 1024);
}

/// <summary>A CRL could not be downloaded; the message says why, in the words <c>download</c> prints.</summary>
public sealed class CrlFetchException(string message) : Exception(message);

/// <summary>
/// Downloads one CRL over plain HTTP (reference §1.7: HTTP only, no LDAP or FTP), with one deadline
/// for the whole exchange and a size limit checked against Content-Length and while reading.
/// Redirects are not followed: the URL named in the certificate is the one fetched.
/// </summary>
public static class CrlFetcher
{
    /// <summary>Why a URL is not downloaded, or null when it is an absolute http:// URL.</summary>
    public static string? Refusal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttp ? null : "only http:// URLs are downloaded";

    public static byte[] Fetch(string url, CrlFetchLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (Refusal(url) is { } refusal)
        {
            throw new CrlFetchException(refusal);
        }

        using var deadline = new CancellationTokenSource(limits.Timeout);
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, ConnectTimeout = limits.Timeout };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            using HttpResponseMessage response = client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token).GetAwaiter().GetResult();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new CrlFetchException($"server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > limits.MaxBytes)
            {
                throw TooLarge(limits);
            }

            using Stream body = response.Content.ReadAsStream(deadline.Token);
            return ReadLimited(body, limits, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new CrlFetchException($"no answer within {limits.Timeout.TotalSeconds:0.###}s");
        }
        catch (HttpRequestException error)
        {
            throw new CrlFetchException($"download failed: {error.Message}");
        }
        catch (IOException error)
        {
            throw new CrlFetchException($"download failed: {error.Message}");
        }
    }

    private static byte[] ReadLimited(Stream body, CrlFetchLimits limits, CancellationToken cancel)
    {
        using var collected = new MemoryStream();
        byte[] buffer = new byte[81920];
        int read;
        while ((read = body.ReadAsync(buffer, cancel).AsTask().GetAwaiter().GetResult()) > 0)
        {
            if (collected.Length + read > limits.MaxBytes)
            {
                throw TooLarge(limits);
            }

            collected.Write(buffer, 0, read);
        }

        return collected.ToArray();
    }

    private static CrlFetchException TooLarge(CrlFetchLimits limits) => new($"CRL is larger than {limits.MaxBytes} bytes");
}

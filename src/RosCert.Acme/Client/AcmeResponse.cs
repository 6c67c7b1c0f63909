using System.Net.Http.Headers;
using System.Text.Json;
using RosCert.Acme.Wire;

namespace RosCert.Acme.Client;

/// <summary>An HTTP answer of an ACME server, read within a size limit.</summary>
public sealed record AcmeResponse(int Status, byte[] Body, string? ContentType, Uri? Location, IReadOnlyList<Uri> Alternates, TimeSpan? RetryAfter)
{
    public bool IsProblem => ContentType == "application/problem+json" || Status >= 400;

    public JsonDocument Json() => AcmeJson.Parse(Body);

    public AcmeProblem Problem()
    {
        if (Body.Length > 0)
        {
            try
            {
                using JsonDocument json = JsonDocument.Parse(Body, AcmeJson.Options);
                return AcmeProblem.Parse(json.RootElement, Status);
            }
            catch (JsonException)
            {
            }
        }

        return new AcmeProblem("about:blank", $"HTTP {Status}", Status, []);
    }

    /// <summary>
    /// Retry-After (RFC 9110 §10.2.3) as seconds or an HTTP date, measured from <paramref name="now"/>;
    /// RFC 8555 §6.6 (rate limits), §7.5.1 (polling), RFC 9773 §4.3 (renewalInfo).
    /// </summary>
    public static TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Link headers with <c>rel="alternate"</c> (RFC 8555 §7.4.2: alternative chains), resolved against the request URL.</summary>
    public static IReadOnlyList<Uri> ReadAlternates(HttpResponseMessage response, Uri requestUrl)
    {
        if (!response.Headers.TryGetValues("Link", out IEnumerable<string>? values))
        {
            return [];
        }

        var links = new List<Uri>();
        foreach (string value in values.SelectMany(SplitLinks).Take(AcmeJson.MaxListItems))
        {
            int open = value.IndexOf('<', StringComparison.Ordinal);
            int close = value.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close <= open || !value[close..].Replace(" ", "", StringComparison.Ordinal).Contains("rel=\"alternate\"", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Uri.TryCreate(requestUrl, value[(open + 1)..close], out Uri? link) && link.Scheme is "https" or "http")
            {
                links.Add(link);
            }
        }

        return links;
    }

    private static IEnumerable<string> SplitLinks(string header)
    {
        // A comma separates links, but only outside <...>.
        int start = 0;
        bool inside = false;
        for (int i = 0; i < header.Length; i++)
        {
            inside = header[i] switch { '<' => true, '>' => false, _ => inside };
            if (header[i] == ',' && !inside)
            {
                yield return header[start..i];
                start = i + 1;
            }
        }

        yield return header[start..];
    }
}

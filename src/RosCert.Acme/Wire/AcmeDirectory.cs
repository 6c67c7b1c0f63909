using System.Text.Json;

namespace RosCert.Acme.Wire;

/// <summary>
/// The directory object (RFC 8555 §7.1.1) with the optional <c>renewalInfo</c> of ARI (RFC 9773 §3)
/// and the <c>meta</c> fields a client needs.
/// </summary>
public sealed record AcmeDirectory(
    Uri NewNonce,
    Uri NewAccount,
    Uri NewOrder,
    Uri? RenewalInfo,
    string? TermsOfService,
    bool ExternalAccountRequired)
{
    public static AcmeDirectory Parse(JsonElement json, Uri directoryUrl)
    {
        JsonElement? meta = AcmeJson.Object(json, "meta");
        return new AcmeDirectory(
            Link(json, "newNonce", directoryUrl) ?? throw new AcmeException("directory has no newNonce"),
            Link(json, "newAccount", directoryUrl) ?? throw new AcmeException("directory has no newAccount"),
            Link(json, "newOrder", directoryUrl) ?? throw new AcmeException("directory has no newOrder"),
            Link(json, "renewalInfo", directoryUrl),
            meta is { } m ? AcmeJson.String(m, "termsOfService") : null,
            meta is { } n && AcmeJson.Bool(n, "externalAccountRequired"));
    }

    private static Uri? Link(JsonElement json, string name, Uri baseUrl) =>
        AcmeJson.String(json, name) is { } text && Uri.TryCreate(baseUrl, text, out Uri? url) && url.Scheme is "https" or "http" ? url : null;
}

/// <summary>An order (RFC 8555 §7.1.3): its URL, status, authorizations and the finalize/certificate links.</summary>
public sealed record AcmeOrder(Uri Url, string Status, IReadOnlyList<Uri> Authorizations, Uri Finalize, Uri? Certificate, AcmeProblem? Error)
{
    public static AcmeOrder Parse(JsonElement json, Uri url, int status) => new(
        url,
        AcmeJson.Required(json, "status"),
        AcmeJson.Strings(json, "authorizations").Select(a => Absolute(url, a)).ToArray(),
        Absolute(url, AcmeJson.Required(json, "finalize")),
        AcmeJson.String(json, "certificate") is { } c ? Absolute(url, c) : null,
        AcmeJson.Object(json, "error") is { } e ? AcmeProblem.Parse(e, status) : null);

    internal static Uri Absolute(Uri baseUrl, string text) =>
        Uri.TryCreate(baseUrl, text, out Uri? url) && url.Scheme is "https" or "http" ? url : throw new AcmeException($"server sent a bad URL: {text}");
}

/// <summary>An authorization (RFC 8555 §7.1.4) with its challenges.</summary>
public sealed record AcmeAuthorization(Uri Url, string Status, string Identifier, bool Wildcard, IReadOnlyList<AcmeChallenge> Challenges)
{
    public static AcmeAuthorization Parse(JsonElement json, Uri url, int status)
    {
        JsonElement identifier = AcmeJson.Object(json, "identifier") ?? throw new AcmeException("authorization has no identifier");
        var challenges = new List<AcmeChallenge>();
        if (json.TryGetProperty("challenges", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement challenge in list.EnumerateArray().Take(AcmeJson.MaxListItems))
            {
                challenges.Add(AcmeChallenge.Parse(challenge, url, status));
            }
        }

        return new AcmeAuthorization(url, AcmeJson.Required(json, "status"), AcmeJson.Required(identifier, "value"), AcmeJson.Bool(json, "wildcard"), challenges);
    }
}

/// <summary>A challenge (RFC 8555 §7.1.5, §8): type, URL, status, token and the error of a failed validation.</summary>
public sealed record AcmeChallenge(string Type, Uri Url, string Status, string? Token, AcmeProblem? Error)
{
    public static AcmeChallenge Parse(JsonElement json, Uri baseUrl, int status) => new(
        AcmeJson.Required(json, "type"),
        AcmeOrder.Absolute(baseUrl, AcmeJson.Required(json, "url")),
        AcmeJson.Required(json, "status"),
        AcmeJson.String(json, "token"),
        AcmeJson.Object(json, "error") is { } e ? AcmeProblem.Parse(e, status) : null);

    /// <summary>RFC 8555 §8.1: a token has at least 128 bits of entropy and only base64url characters.</summary>
    public bool HasValidToken => Token is { Length: >= 22 and <= 256 } t && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

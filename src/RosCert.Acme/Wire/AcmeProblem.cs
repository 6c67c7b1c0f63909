using System.Text.Json;

namespace RosCert.Acme.Wire;

/// <summary>An RFC 7807 problem document as ACME sends it (RFC 8555 §6.7), with its sub-problems.</summary>
public sealed record AcmeProblem(string Type, string Detail, int Status, IReadOnlyList<AcmeProblem> Subproblems)
{
    public AcmeProblemType? Known => AcmeProblemTypes.Find(Type);

    public static AcmeProblem Parse(JsonElement json, int status)
    {
        string type = AcmeJson.String(json, "type") ?? "about:blank";
        string detail = AcmeJson.String(json, "detail") ?? "";
        var subproblems = new List<AcmeProblem>();
        if (json.TryGetProperty("subproblems", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in list.EnumerateArray().Take(AcmeJson.MaxListItems))
            {
                subproblems.Add(Parse(item, status));
            }
        }

        return new AcmeProblem(type, detail, status, subproblems);
    }

    /// <summary>The server's words, as users see them in <c>progress</c> and <c>acme-status</c>.</summary>
    public override string ToString()
    {
        string shortType = Type.StartsWith(AcmeProblemTypes.Prefix, StringComparison.Ordinal) ? Type[AcmeProblemTypes.Prefix.Length..] : Type;
        string text = Detail.Length > 0 ? $"{Detail} ({shortType})" : Known?.Meaning + $" ({shortType})";
        return Subproblems.Count == 0 ? text : text + ": " + string.Join("; ", Subproblems.Select(s => s.ToString()));
    }
}

/// <summary>An ACME operation that failed; the message is what the user reads.</summary>
public sealed class AcmeException : Exception
{
    public AcmeException(string message, AcmeProblem? problem = null, TimeSpan? retryAfter = null)
        : base(message)
    {
        Problem = problem;
        RetryAfter = retryAfter;
    }

    public AcmeException()
    {
    }

    public AcmeException(string message)
        : base(message)
    {
    }

    public AcmeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AcmeProblem? Problem { get; }

    /// <summary>When the server said to come back (Retry-After of a rateLimited problem).</summary>
    public TimeSpan? RetryAfter { get; }
}

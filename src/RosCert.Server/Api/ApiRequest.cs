using RosCert.Core.Errors;

namespace RosCert.Server.Api;

/// <summary>
/// One command sentence, split by word kind (API manual, "Command word", "Attribute word",
/// "API attribute word", "Query word"): the command path, <c>=name=value</c> attributes in order,
/// <c>?</c> query words and the <c>.tag</c> the replies must echo.
/// </summary>
public sealed record ApiRequest(string Command, IReadOnlyList<KeyValuePair<string, string>> Attributes, IReadOnlyList<string> Queries, string? Tag)
{
    public static ApiRequest Parse(IReadOnlyList<string> sentence)
    {
        var attributes = new List<KeyValuePair<string, string>>();
        var queries = new List<string>();
        string? tag = null;
        List<string> unknown = [];
        foreach (string word in sentence.Skip(1))
        {
            switch (word)
            {
                case ['=', ..]:
                    // "=name=value"; the value may hold '=' and may be empty ("=name=" or "=name").
                    int split = word.IndexOf('=', 1);
                    attributes.Add(split < 0 ? new(word[1..], "") : new(word[1..split], word[(split + 1)..]));
                    break;
                case ['?', ..]:
                    queries.Add(word[1..]);
                    break;
                case ['.', 't', 'a', 'g', '=', ..]:
                    tag = word[5..];
                    break;
                default:
                    unknown.Add(word);
                    break;
            }
        }

        var request = new ApiRequest(sentence[0], attributes, queries, tag);
        return unknown.Count == 0 ? request : request with { Unknown = unknown };
    }

    /// <summary>Words that are none of the known kinds; the command answers <c>!trap</c> for them.</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];

    public string? Attribute(string name) => Attributes.LastOrDefault(a => a.Key == name).Value;

    /// <summary>Fails the command for words of no known kind.</summary>
    public void CheckWords()
    {
        if (Unknown.Count > 0)
        {
            throw new RouterOsException(ErrorKind.BadValue, "unknown parameter " + Unknown[0]);
        }
    }
}

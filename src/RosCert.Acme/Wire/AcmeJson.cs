using System.Text.Json;

namespace RosCert.Acme.Wire;

/// <summary>Small readers over <see cref="JsonDocument"/> (no reflection, AOT-friendly) with limits.</summary>
public static class AcmeJson
{
    /// <summary>Most items read from any list a server sends (identifiers, authorizations, subproblems).</summary>
    public const int MaxListItems = 100;

    public static JsonDocumentOptions Options { get; } = new() { MaxDepth = 16 };

    public static JsonDocument Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException error)
        {
            throw new AcmeException("server sent malformed JSON: " + error.Message);
        }
    }

    public static string? String(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static string Required(JsonElement json, string name) =>
        String(json, name) ?? throw new AcmeException($"server response has no {name}");

    public static bool Bool(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;

    public static IReadOnlyList<string> Strings(JsonElement json, string name)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty(name, out JsonElement list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return list.EnumerateArray().Take(MaxListItems).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray();
    }

    public static JsonElement? Object(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>Serializes with a writer callback.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}

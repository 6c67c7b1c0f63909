using System.Text.Json;

namespace RosCert.Store.Records;

/// <summary>
/// The <c>items.props</c> column: a JSON object of string to string, in the order the properties
/// were given (RouterOS prints properties in declaration order, which the caller supplies).
/// </summary>
internal static class ItemProperties
{
    public static string ToJson(IReadOnlyDictionary<string, string> properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, string> property in properties)
            {
                writer.WriteString(property.Key, property.Value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static Dictionary<string, string> FromJson(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new StoreException($"the store holds item properties that are not a JSON object: {json}");
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            properties[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw new StoreException($"the store holds item property '{property.Name}' that is not a string");
        }

        return properties;
    }
}

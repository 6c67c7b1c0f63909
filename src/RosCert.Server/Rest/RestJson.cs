using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;

namespace RosCert.Server.Rest;

/// <summary>
/// Writes REST replies straight to the response with <see cref="Utf8JsonWriter"/> (no reflection).
/// RouterOS REST rules (reference §4.10 last bullet, §5.1): every value is a JSON string, booleans are
/// <c>"true"</c>/<c>"false"</c>, keys are in alphabetical order with <c>.id</c> first, and errors are
/// <c>{"error":&lt;status&gt;,"message":"&lt;reason phrase&gt;","detail":"…"}</c>.
/// </summary>
internal static class RestJson
{
    // Replies are application/json, never embedded in HTML, so '+', '<' and non-ASCII text (PEM
    // bodies, names) are written as they are rather than as \uXXXX escapes.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpResponse response, int status, Action<Utf8JsonWriter> body)
    {
        response.StatusCode = status;
        response.ContentType = ServerFacts.JsonMediaType;
        using (var writer = new Utf8JsonWriter(response.BodyWriter, s_options))
        {
            body(writer);
        }

        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpResponse response, int status, string? detail) =>
        WriteAsync(response, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("error", status);
            writer.WriteString("message", ReasonPhrases.GetReasonPhrase(status));
            if (detail is not null)
            {
                writer.WriteString("detail", detail);
            }

            writer.WriteEndObject();
        });

    /// <summary><c>print</c> of a list menu: an array of objects.</summary>
    public static void WriteItems(Utf8JsonWriter writer, ListResult list, IReadOnlyList<string>? proplist)
    {
        writer.WriteStartArray();
        foreach (ItemView item in list.Items)
        {
            WriteItem(writer, list, item, proplist);
        }

        writer.WriteEndArray();
    }

    /// <summary>One item as <c>print as-value</c> gives it: <c>.id</c>, every property, flags as booleans.</summary>
    public static void WriteItem(Utf8JsonWriter writer, ListResult list, ItemView item, IReadOnlyList<string>? proplist)
    {
        IEnumerable<KeyValuePair<string, RosValue>> fields = list.ToArray(item).Elements
            .Where(e => e.Key is not null)
            .Select(e => new KeyValuePair<string, RosValue>(e.Key!, e.Value));
        WriteObject(writer, list.Menu, fields, proplist ?? list.Options.Proplist, list.Options.ShowSensitive);
    }

    /// <summary>A settings record, import counters, a monitor command's final state.</summary>
    public static void WriteRecord(Utf8JsonWriter writer, Menu menu, RecordResult record, IReadOnlyList<string>? proplist) =>
        WriteObject(writer, menu, record.Fields, proplist, showSensitive: false);

    /// <summary>
    /// A value a command returns (<c>add</c>'s new id): <c>{"ret":"*1"}</c>, as RouterOS REST answers. A
    /// keyed array (<c>get</c> without a property) is sent as the object it is.
    /// </summary>
    public static void WriteRet(Utf8JsonWriter writer, Menu menu, RosValue value)
    {
        if (value is RosArray { Elements.Count: > 0 } array && array.Elements.All(e => e.Key is not null))
        {
            WriteObject(writer, menu, array.Elements.Select(e => new KeyValuePair<string, RosValue>(e.Key!, e.Value)), null, showSensitive: false);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("ret", Text(null, value));
        writer.WriteEndObject();
    }

    public static void WriteEmptyArray(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        writer.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter writer, Menu menu, IEnumerable<KeyValuePair<string, RosValue>> fields, IReadOnlyList<string>? proplist, bool showSensitive)
    {
        // Secrets follow the console rule (architecture convention 12): hidden unless show-sensitive.
        KeyValuePair<string, RosValue>[] chosen = fields
            .Where(f => proplist is null || proplist.Contains(f.Key))
            .Where(f => showSensitive || menu.Property(f.Key)?.Sensitive != true)
            .ToArray();
        Array.Sort(chosen, static (a, b) => CompareKeys(a.Key, b.Key));
        writer.WriteStartObject();
        foreach ((string key, RosValue value) in chosen)
        {
            writer.WriteString(key, Text(menu.Property(key), value));
        }

        writer.WriteEndObject();
    }

    /// <summary>Alphabetical, <c>.id</c> first.</summary>
    private static int CompareKeys(string a, string b) =>
        a == b ? 0 : a == ".id" ? -1 : b == ".id" ? 1 : string.CompareOrdinal(a, b);

    /// <summary>
    /// A value as RouterOS REST sends it: booleans, including yes/no properties, as <c>true</c>/<c>false</c>;
    /// lists comma separated; everything else as the console's text.
    /// </summary>
    private static string Text(PropertyDef? property, RosValue value) => value switch
    {
        RosBool b => b.Value ? "true" : "false",
        RosArray array when array.Elements.All(e => e.Key is null) => string.Join(',', array.Elements.Select(e => e.Value.Text)),
        _ when property?.Type is BoolType => value.Text switch
        {
            "yes" => "true",
            "no" => "false",
            string text => text,
        },
        _ => value.Text,
    };
}

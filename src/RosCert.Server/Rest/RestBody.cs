using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RosCert.Commands.Values;

namespace RosCert.Server.Rest;

/// <summary>
/// Reads a request's JSON object into <see cref="RestArguments"/>. Values may be strings, numbers or
/// booleans (RouterOS REST page: input "accepts strings or numbers"); each becomes a RosValue and the
/// command's declared types check it. Bodies are bounded: a REST call never needs more than a
/// certificate bundle's worth of text.
/// </summary>
internal static class RestBody
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 8 };

    public static async Task<RestArguments> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        PipeReader reader = request.BodyReader;
        while (true)
        {
            ReadResult read = await reader.ReadAsync(cancellation).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = read.Buffer;
            if (buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw TooLarge();
            }

            if (read.IsCompleted)
            {
                try
                {
                    return buffer.IsEmpty ? RestArguments.Empty : Parse(buffer);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            // Keep everything until the body is complete.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static RestArguments Parse(ReadOnlySequence<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, s_options);
        }
        catch (JsonException e)
        {
            throw new RestException(400, "invalid JSON: " + e.Message);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FromObject(document.RootElement)
                : throw new RestException(400, "expected a JSON object");
        }
    }

    private static RestArguments FromObject(JsonElement root)
    {
        var arguments = new RestArguments();
        foreach (JsonProperty member in root.EnumerateObject())
        {
            switch (member.Name)
            {
                case ".proplist":
                    arguments.Proplist = member.Value.ValueKind == JsonValueKind.Array
                        ? Words(member).ToArray()
                        : RestArguments.SplitProplist(Text(member.Name, member.Value));
                    break;
                case ".query":
                    arguments.Query = RestQuery.FromWords(Words(member));
                    break;
                default:
                    arguments.Add(member.Name, Value(member.Name, member.Value));
                    break;
            }
        }

        return arguments;
    }

    private static IEnumerable<string> Words(JsonProperty member) =>
        member.Value.ValueKind == JsonValueKind.Array
            ? member.Value.EnumerateArray().Select(e => Text(member.Name, e)).ToArray()
            : throw new RestException(400, $"expected an array of strings for {member.Name}");

    /// <summary>
    /// Booleans stay booleans, so <c>BoolType</c> and flag arguments read them as yes/no; numbers keep
    /// their literal text (the integer types read <c>0x</c> hex too); an array is a comma list.
    /// </summary>
    private static RosValue Value(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => RosValue.Of(true),
        JsonValueKind.False => RosValue.Of(false),
        JsonValueKind.Array => RosValue.Of(string.Join(',', value.EnumerateArray().Select(e => Text(name, e)))),
        _ => RosValue.Of(Text(name, value)),
    };

    private static string Text(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "",
        _ => throw new RestException(400, $"expected a string, number or boolean value for {name}"),
    };

    private static RestException TooLarge() => new(413, $"request body larger than {MaxBytes} bytes");
}

using System.Security.Cryptography;

namespace RosCert.Codecs.Pem;

/// <summary>
/// PEM text (RFC 7468) both ways, without I/O. Writing uses <see cref="PemEncoding"/>; reading is a
/// lax scanner of its own because <see cref="PemEncoding.TryFind(ReadOnlySpan{char}, out PemFields)"/>
/// follows RFC 7468's strict grammar and skips blocks that carry RFC 1421 headers (legacy
/// <c>Proc-Type: 4,ENCRYPTED</c> keys). Reading never throws on damaged text: such a block comes
/// back with <see cref="PemBlock.Error"/> set.
/// </summary>
public static class PemFile
{
    private const string BeginPrefix = "-----BEGIN ";
    private const string EndPrefix = "-----END ";
    private const string Dashes = "-----";

    /// <summary>RFC 7468 §2: base64 in lines of 64 characters, LF line ends, a final newline.</summary>
    public static string Write(string label, ReadOnlySpan<byte> der) =>
        new string(PemEncoding.Write(label, der)) + "\n";

    /// <summary>Every block of <paramref name="text"/> in order, damaged ones included as error entries.</summary>
    public static IReadOnlyList<PemBlock> ReadAll(string text)
    {
        var blocks = new List<PemBlock>();
        int position = 0;
        while (position < text.Length)
        {
            int begin = text.IndexOf(BeginPrefix, position, StringComparison.Ordinal);
            if (begin < 0)
            {
                break;
            }

            position = ReadBlock(text, begin + BeginPrefix.Length, blocks);
        }

        return blocks;
    }

    /// <summary>Reads the block whose label starts at <paramref name="labelStart"/>; returns where to continue.</summary>
    private static int ReadBlock(string text, int labelStart, List<PemBlock> blocks)
    {
        int lineEnd = LineEnd(text, labelStart);
        int labelEnd = text.IndexOf(Dashes, labelStart, lineEnd - labelStart, StringComparison.Ordinal);
        if (labelEnd < 0)
        {
            blocks.Add(PemBlock.Damaged("", "BEGIN line does not end with -----"));
            return lineEnd;
        }

        string label = text[labelStart..labelEnd];
        int bodyStart = labelEnd + Dashes.Length;
        string endLine = EndPrefix + label + Dashes;
        // The END line is looked for only up to the next BEGIN line, so a file of many BEGIN lines
        // without END is read in one pass, not once per BEGIN.
        int nextBegin = text.IndexOf(BeginPrefix, bodyStart, StringComparison.Ordinal);
        int searchEnd = nextBegin < 0 ? text.Length : nextBegin;
        int end = text.IndexOf(endLine, bodyStart, searchEnd - bodyStart, StringComparison.Ordinal);
        if (end < 0)
        {
            blocks.Add(PemBlock.Damaged(label, $"no END line for {label}"));
            return bodyStart;
        }

        blocks.Add(Decode(label, text[bodyStart..end]));
        return end + endLine.Length;
    }

    private static int LineEnd(string text, int start)
    {
        int newline = text.IndexOf('\n', start);
        return newline < 0 ? text.Length : newline;
    }

    /// <summary>
    /// The body: optional RFC 1421 §4.6 headers (<c>Name: value</c>, continuation lines start with
    /// white space, a blank line after them), then base64 (RFC 7468 §3, white space ignored).
    /// </summary>
    private static PemBlock Decode(string label, string body)
    {
        string[] lines = body.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int index = ReadHeaders(lines, headers);
        if (index < 0)
        {
            return PemBlock.Damaged(label, "PEM header lines are damaged");
        }

        string base64 = string.Concat(lines.Skip(index)).Trim();
        byte[] buffer = new byte[base64.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out int written))
        {
            return PemBlock.Damaged(label, $"base64 data of {label} is damaged");
        }

        return new PemBlock(label, buffer[..written], headers, null);
    }

    /// <summary>Fills <paramref name="headers"/>; returns the index of the first base64 line, -1 when damaged.</summary>
    private static int ReadHeaders(string[] lines, Dictionary<string, string> headers)
    {
        int index = 1; // lines[0] is the rest of the BEGIN line
        if (index >= lines.Length || !lines[index].Contains(':', StringComparison.Ordinal))
        {
            return index;
        }

        string? name = null;
        for (; index < lines.Length && lines[index].Trim().Length > 0; index++)
        {
            string line = lines[index];
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line[0] is ' ' or '\t' && name is not null)
            {
                headers[name] += line.Trim();
            }
            else if (colon > 0)
            {
                name = line[..colon].Trim();
                headers[name] = line[(colon + 1)..].Trim();
            }
            else
            {
                return -1;
            }
        }

        return index;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace RosCert.Server.Api;

/// <summary>Bounds on what one sentence may hold; the API manual lets a router limit sentences before login.</summary>
public sealed record ApiLimits(int MaxWordBytes, int MaxWords, long MaxSentenceBytes)
{
    /// <summary>After login: words up to 1 MiB, 1000 words, 8 MiB per sentence.</summary>
    public static readonly ApiLimits Default = new(1 << 20, 1000, 8L << 20);

    /// <summary>Before login only <c>/login</c> makes sense: a few short words.</summary>
    public static readonly ApiLimits BeforeLogin = new(16 << 10, 32, 64L << 10);
}

/// <summary>
/// The RouterOS API word codec (API manual, "API words"): each word is its length then its bytes;
/// a sentence is words ended by a zero-length word. The length takes 1 to 5 bytes, high bits first:
/// <code>
/// 0x00..0x7F           1 byte   len
/// 0x80..0x3FFF         2 bytes  len | 0x8000
/// 0x4000..0x1FFFFF     3 bytes  len | 0xC00000
/// 0x200000..0xFFFFFFF  4 bytes  len | 0xE0000000
/// 0x10000000..         5 bytes  0xF0, then len as four bytes
/// </code>
/// A first byte of 0xF8 or more is a reserved control byte; RosCert treats it as broken framing.
/// Words are UTF-8 (RouterOS sends bytes; ASCII clients are unaffected).
/// </summary>
public static class ApiWords
{
    /// <summary>How many bytes the length prefix of a word of <paramref name="length"/> bytes takes.</summary>
    public static int LengthSize(uint length) => length switch
    {
        < 0x80 => 1,
        < 0x4000 => 2,
        < 0x200000 => 3,
        < 0x10000000 => 4,
        _ => 5,
    };

    /// <summary>Writes the length prefix; returns the bytes written.</summary>
    public static int WriteLength(Span<byte> destination, uint length)
    {
        int size = LengthSize(length);
        switch (size)
        {
            case 1:
                destination[0] = (byte)length;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(length | 0x8000));
                break;
            case 3:
                uint three = length | 0xC00000;
                destination[0] = (byte)(three >> 16);
                destination[1] = (byte)(three >> 8);
                destination[2] = (byte)three;
                break;
            case 4:
                BinaryPrimitives.WriteUInt32BigEndian(destination, length | 0xE0000000);
                break;
            default:
                destination[0] = 0xF0;
                BinaryPrimitives.WriteUInt32BigEndian(destination[1..], length);
                break;
        }

        return size;
    }

    /// <summary>
    /// How many more bytes follow the first byte of a length prefix; -1 for a reserved control byte.
    /// </summary>
    public static int ExtraLengthBytes(byte first) => first switch
    {
        < 0x80 => 0,
        < 0xC0 => 1,
        < 0xE0 => 2,
        < 0xF0 => 3,
        0xF0 => 4,
        _ => -1,
    };

    /// <summary>Decodes a length prefix whose first byte and extra bytes have been read.</summary>
    public static uint DecodeLength(byte first, ReadOnlySpan<byte> extra)
    {
        uint value = extra.Length switch
        {
            0 => first,
            1 => (uint)(first & 0x3F),
            2 => (uint)(first & 0x1F),
            3 => (uint)(first & 0x0F),
            _ => 0,
        };
        foreach (byte b in extra)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>One sentence as bytes: each word with its length, then the empty word.</summary>
    public static byte[] EncodeSentence(IEnumerable<string> words)
    {
        using var buffer = new MemoryStream();
        Span<byte> prefix = stackalloc byte[5];
        foreach (string word in words)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(word);
            buffer.Write(prefix[..WriteLength(prefix, (uint)bytes.Length)]);
            buffer.Write(bytes);
        }

        buffer.WriteByte(0);
        return buffer.ToArray();
    }

    /// <summary>Several sentences in one buffer, so a reply goes out in one write.</summary>
    public static byte[] EncodeSentences(IEnumerable<IEnumerable<string>> sentences) =>
        [.. sentences.SelectMany(EncodeSentence)];
}

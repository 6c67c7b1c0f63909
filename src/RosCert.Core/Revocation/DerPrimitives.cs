using System.Security.Cryptography;

namespace RosCert.Core.Revocation;

/// <summary>
/// The few DER primitives the streaming CRL writer needs, written by hand so that every length is known
/// arithmetically before the bytes exist (X.690 §8.1.3 lengths, §10.1 definite form, §11.7/§11.8 times).
/// </summary>
internal static class DerPrimitives
{
    public const byte Integer = 0x02;
    public const byte Sequence = 0x30;
    public const byte UtcTime = 0x17;
    public const byte GeneralizedTime = 0x18;

    /// <summary>Tag and length octets of a TLV whose content is <paramref name="contentLength"/> bytes.</summary>
    public static int HeaderLength(long contentLength) => contentLength < 0x80 ? 2 : 2 + LengthOctets(contentLength);

    public static long TlvLength(long contentLength) => HeaderLength(contentLength) + contentLength;

    /// <summary>Writes tag and definite length (short form below 128, else 0x80|n then n big-endian octets).</summary>
    public static int WriteHeader(Span<byte> destination, byte tag, long contentLength)
    {
        destination[0] = tag;
        if (contentLength < 0x80)
        {
            destination[1] = (byte)contentLength;
            return 2;
        }

        int octets = LengthOctets(contentLength);
        destination[1] = (byte)(0x80 | octets);
        for (int i = 0; i < octets; i++)
        {
            destination[1 + octets - i] = (byte)(contentLength >> (8 * i));
        }

        return 2 + octets;
    }

    public static byte[] Header(byte tag, long contentLength)
    {
        byte[] header = new byte[HeaderLength(contentLength)];
        WriteHeader(header, tag, contentLength);
        return header;
    }

    /// <summary>
    /// A serial's value bytes as the minimal content of a positive INTEGER (X.690 §8.3.2): redundant leading
    /// zeros go, and a 0x00 is added back when the first remaining byte has its high bit set.
    /// </summary>
    /// <returns>Where the value starts in <paramref name="serial"/>, and whether it needs the 0x00.</returns>
    public static (int Start, bool Pad) Serial(ReadOnlySpan<byte> serial)
    {
        if (serial.IsEmpty)
        {
            throw new ArgumentException("a serial number has at least one byte", nameof(serial));
        }

        int start = 0;
        while (start < serial.Length - 1 && serial[start] == 0)
        {
            start++;
        }

        return (start, serial[start] >= 0x80);
    }

    /// <summary>
    /// RFC 5280 §5.1.2.4: "CRL issuers MUST encode thisUpdate as UTCTime for dates through the year 2049"
    /// and as GeneralizedTime from 2050; years before 1950 have no UTCTime form either.
    /// </summary>
    public static bool IsUtcTime(DateTime utc) => utc.Year is >= 1950 and < 2050;

    /// <summary>UTCTime YYMMDDHHMMSSZ is 15 octets with its header, GeneralizedTime YYYYMMDDHHMMSSZ 17.</summary>
    public static int TimeLength(DateTime utc) => IsUtcTime(utc) ? 15 : 17;

    /// <summary>Writes a Time in Zulu with seconds and no fraction (RFC 5280 §4.1.2.5.1/2); sub-seconds are dropped.</summary>
    public static int WriteTime(Span<byte> destination, DateTime utc)
    {
        bool utcTime = IsUtcTime(utc);
        destination[0] = utcTime ? UtcTime : GeneralizedTime;
        destination[1] = (byte)(utcTime ? 13 : 15);
        int at = 2;
        if (!utcTime)
        {
            at = Digits(destination, at, utc.Year / 100);
        }

        at = Digits(destination, at, utc.Year % 100);
        at = Digits(destination, at, utc.Month);
        at = Digits(destination, at, utc.Day);
        at = Digits(destination, at, utc.Hour);
        at = Digits(destination, at, utc.Minute);
        at = Digits(destination, at, utc.Second);
        destination[at] = (byte)'Z';
        return at + 1;
    }

    public static byte[] Time(DateTimeOffset value)
    {
        DateTime utc = value.UtcDateTime;
        byte[] time = new byte[TimeLength(utc)];
        WriteTime(time, utc);
        return time;
    }

    public static void CheckLength(long length)
    {
        if (length > Array.MaxLength)
        {
            throw new CryptographicException("the CRL would be larger than the largest array");
        }
    }

    private static int LengthOctets(long contentLength)
    {
        int octets = 0;
        for (long rest = contentLength; rest != 0; rest >>= 8)
        {
            octets++;
        }

        return octets;
    }

    private static int Digits(Span<byte> destination, int at, int value)
    {
        destination[at] = (byte)('0' + (value / 10));
        destination[at + 1] = (byte)('0' + (value % 10));
        return at + 2;
    }
}

namespace RosCert.Core.Revocation;

/// <summary>Hex text (UTF-8, either case) to bytes into a caller's span: the store keeps serial numbers as hex.</summary>
internal static class HexDigits
{
    private const byte NotHex = 0xFF;

    // The value of each byte as a hex digit, NotHex for the rest: one load per digit instead of a chain of
    // range tests (a million-entry CRL decodes 16 million digits, issue 9).
    private static ReadOnlySpan<byte> Values =>
    [
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 255, 255, 255, 255, 255, 255,
        255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    ];

    /// <exception cref="FormatException">The text has an odd length or a character that is not a hex digit.</exception>
    public static void Decode(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        if (hex.Length % 2 != 0 || destination.Length != hex.Length / 2)
        {
            throw new FormatException("hex text has an odd number of digits");
        }

        ReadOnlySpan<byte> values = Values;
        int invalid = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            int high = values[hex[2 * i] & 0x7F] | ((hex[2 * i] & 0x80) != 0 ? NotHex : 0);
            int low = values[hex[(2 * i) + 1] & 0x7F] | ((hex[(2 * i) + 1] & 0x80) != 0 ? NotHex : 0);
            invalid |= high | low;
            destination[i] = (byte)((high << 4) | low);
        }

        // A digit's value is below 16; NotHex (and only it) sets the high bits.
        if ((invalid & 0xF0) != 0)
        {
            throw new FormatException("hex text has a character that is not a hex digit");
        }
    }
}

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
        for (int i = 0; i < destination.Length; i++)
        {
            byte high = hex[2 * i], low = hex[(2 * i) + 1];
            int value = (Value(values, high) << 4) | Value(values, low);
            destination[i] = (byte)value;
        }
    }

    private static int Value(ReadOnlySpan<byte> values, byte digit)
    {
        byte value = digit < values.Length ? values[digit] : NotHex;
        return value != NotHex ? value : throw new FormatException("hex text has a character that is not a hex digit");
    }
}

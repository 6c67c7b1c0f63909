namespace RosCert.Core.Revocation;

/// <summary>Hex text (UTF-8, either case) to bytes into a caller's span: the store keeps serial numbers as hex.</summary>
internal static class HexDigits
{
    /// <exception cref="FormatException">The text has an odd length or a character that is not a hex digit.</exception>
    public static void Decode(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        if (hex.Length % 2 != 0 || destination.Length != hex.Length / 2)
        {
            throw new FormatException("hex text has an odd number of digits");
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
        }
    }

    private static int Nibble(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        _ => throw new FormatException("hex text has a character that is not a hex digit"),
    };
}

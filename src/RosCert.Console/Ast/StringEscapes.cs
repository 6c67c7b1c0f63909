namespace RosCert.Console.Ast;

/// <summary>
/// RouterOS string escapes (scripting manual, "Escape sequences"), once, as data:
/// <c>\" \\ \n \r \t \$ \? \_</c> (space), <c>\a \b \f \v</c>, and <c>\</c> with two hex digits.
/// Two hex digits win over a letter escape (<c>\ab</c> is byte 0xAB, not bell + "b").
/// </summary>
public static class StringEscapes
{
    private static readonly (char Letter, char Value, bool Printed)[] s_table =
    [
        ('"', '"', true), ('\\', '\\', true), ('$', '$', true), ('?', '?', true),
        ('n', '\n', true), ('r', '\r', true), ('t', '\t', true),
        ('_', ' ', false), ('a', '\a', false), ('b', '\b', false), ('f', '\f', false), ('v', '\v', false),
    ];

    public static bool TryDecode(char letter, out char value)
    {
        foreach ((char l, char v, bool _) in s_table)
        {
            if (l == letter)
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The letter the printer uses for <paramref name="value"/>; other control characters
    /// print as two hex digits.</summary>
    public static bool TryEncode(char value, out char letter)
    {
        foreach ((char l, char v, bool printed) in s_table)
        {
            if (printed && v == value)
            {
                letter = l;
                return true;
            }
        }

        letter = default;
        return false;
    }
}

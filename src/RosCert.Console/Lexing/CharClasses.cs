namespace RosCert.Console.Lexing;

/// <summary>Where a bare word is being read; each context stops words at more characters.</summary>
public enum WordMode
{
    /// <summary>Command parts and <c>name=value</c> values: stop at blanks and <c>= ; [ ] { } ( ) " $ \</c>.</summary>
    Command,

    /// <summary>After <c>where</c>: also stop at the comparison characters <c>! &lt; &gt; ~</c>.</summary>
    Where,

    /// <summary>Inside <c>( )</c>: as <see cref="Where"/>, and also before <c>-&gt;</c>.</summary>
    Expression,
}

internal static class CharClasses
{
    private const string CommandStops = " \t\r\n=;[]{}()\"$\\";
    private const string ComparisonStops = "!<>~";

    public static bool IsBlank(char c) => c is ' ' or '\t' or '\r';

    public static bool IsWordStop(char c, WordMode mode) =>
        CommandStops.Contains(c) || (mode != WordMode.Command && ComparisonStops.Contains(c));

    public static bool IsHexDigit(char c) => char.IsAsciiHexDigit(c);

    public static bool IsVariableNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

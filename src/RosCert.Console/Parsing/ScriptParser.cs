namespace RosCert.Console.Parsing;

/// <summary>Entry point: RouterOS console/script text to a syntax tree. Never throws.</summary>
public static class ScriptParser
{
    /// <summary>Deepest nesting of brackets, braces, parentheses, strings and unary operators.</summary>
    public const int MaxDepth = Parser.MaxDepth;

    public static ParseResult Parse(string text) => new Parser(text).Run();
}

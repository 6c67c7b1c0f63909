namespace RosCert.Console.Ast;

/// <summary>
/// A 1-based line and column in the typed text, as RouterOS reports it in
/// <c>syntax error (line 1 column 9)</c>. Columns count characters; a tab is one column.
/// </summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Start { get; } = new(1, 1);

    public override string ToString() => $"line {Line} column {Column}";
}

using RosCert.Console.Ast;

namespace RosCert.Console.Lexing;

/// <summary>
/// A cursor over the input that the parser drives: RouterOS tokenizes by context (a word after
/// <c>where</c> stops at <c>&lt;</c>, one in a command does not), so the parser says what it expects
/// and records each token with the role it gave it.
/// </summary>
internal sealed class Scanner
{
    private readonly List<Token> _tokens = [];

    public Scanner(string text)
    {
        Source = new SourceText(text);
    }

    public SourceText Source { get; }

    public int Offset { get; private set; }

    public bool AtEnd => Offset >= Source.Length;

    /// <summary>The current character, or <c>'\0'</c> at the end.</summary>
    public char Current => Peek(0);

    public IReadOnlyList<Token> Tokens => _tokens;

    public SourcePosition Position => Source.PositionAt(Offset);

    public char Peek(int ahead)
    {
        int index = Offset + ahead;
        return index < Source.Length ? Source.Text[index] : '\0';
    }

    public void Advance(int count = 1) => Offset = Math.Min(Offset + count, Source.Length);

    public bool StartsWith(string text) => string.CompareOrdinal(Source.Text, Offset, text, 0, text.Length) == 0;

    /// <summary>Skips blanks and <c>\</c> line continuations (RouterOS joins a line ending in
    /// <c>\</c> with the next); newlines too when <paramref name="newlines"/> (inside brackets of an
    /// expression, where they do not end a statement).</summary>
    public void SkipBlanks(bool newlines)
    {
        while (!AtEnd)
        {
            char c = Current;
            if (CharClasses.IsBlank(c) || (newlines && c == '\n'))
            {
                Advance();
            }
            else if (ContinuationLength(Offset) is int length and > 0)
            {
                Advance(length);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Length of a <c>\</c> line continuation at <paramref name="offset"/> (a trailing
    /// <c>\</c> at the very end counts, for half-typed lines), else 0.</summary>
    public int ContinuationLength(int offset)
    {
        string text = Source.Text;
        if (offset >= text.Length || text[offset] != '\\')
        {
            return 0;
        }

        int next = offset + 1;
        if (next == text.Length || text[next] == '\n')
        {
            return Math.Min(2, text.Length - offset);
        }

        return text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 3 : 0;
    }

    /// <summary>Length of the word at <paramref name="offset"/> without moving.</summary>
    public int WordLength(int offset, WordMode mode)
    {
        string text = Source.Text;
        int end = offset;
        while (end < text.Length && !CharClasses.IsWordStop(text[end], mode)
            && !(mode == WordMode.Expression && text[end] == '-' && end + 1 < text.Length && text[end + 1] == '>'))
        {
            end++;
        }

        return end - offset;
    }

    public string ReadWord(WordMode mode)
    {
        int length = WordLength(Offset, mode);
        string word = Source.Text.Substring(Offset, length);
        Advance(length);
        return word;
    }

    /// <summary>The word at the cursor without consuming it.</summary>
    public string PeekWord(WordMode mode) => Source.Text.Substring(Offset, WordLength(Offset, mode));

    /// <summary>Records a token from <paramref name="start"/> to the cursor.</summary>
    public void Record(TokenKind kind, int start, bool complete = true) =>
        _tokens.Add(MakeToken(kind, start, complete));

    /// <summary>Consumes <paramref name="length"/> characters as one token.</summary>
    public void Take(TokenKind kind, int length = 1)
    {
        int start = Offset;
        Advance(length);
        Record(kind, start);
    }

    /// <summary>Keeps a slot so a token whose end is known later (a string with nested tokens)
    /// still lists before the tokens inside it.</summary>
    public int ReserveSlot()
    {
        _tokens.Add(null!);
        return _tokens.Count - 1;
    }

    public void FillSlot(int slot, TokenKind kind, int start, bool complete) =>
        _tokens[slot] = MakeToken(kind, start, complete);

    private Token MakeToken(TokenKind kind, int start, bool complete) =>
        new(kind, Source.Text[start..Offset], start, Source.PositionAt(start), complete);
}

using System.Text;

namespace RosCert.Console.Ast;

/// <summary>
/// Base of every syntax node. Nodes are immutable records that print their canonical text;
/// equality is structural and ignores <see cref="Position"/> and <see cref="Height"/>, so that
/// <c>parse(print(ast)) == ast</c> holds although the canonical text moves things around.
/// </summary>
public abstract record Node
{
    protected Node(SourcePosition position, int height)
    {
        Position = position;
        Height = height;
    }

    /// <summary>Where the node starts in the source (for <see cref="Binary"/>: its operator).</summary>
    public SourcePosition Position { get; }

    /// <summary>
    /// Longest path from this node to a leaf, fixed at construction. The parser caps it, so printing
    /// and equality (both recursive) never run out of stack.
    /// </summary>
    public int Height { get; }

    /// <summary>Appends the canonical text of this node.</summary>
    public abstract void Print(StringBuilder builder);

    public sealed override string ToString()
    {
        var builder = new StringBuilder();
        Print(builder);
        return builder.ToString();
    }

    public virtual bool Equals(Node? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();

    internal static int HeightOf<T>(IEnumerable<T> nodes)
        where T : Node
    {
        int height = 0;
        foreach (T node in nodes)
        {
            height = Math.Max(height, node.Height);
        }

        return height + 1;
    }
}

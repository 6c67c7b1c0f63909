using ValueType = RosCert.Commands.Values.ValueType;

namespace RosCert.Commands.Catalogue;

/// <summary>
/// One argument of a command. <see cref="Position"/> is set for arguments that may be given
/// without their name (<c>remove 0</c>, <c>sign Server</c>, <c>:put "x"</c>), in that order.
/// </summary>
public sealed record ArgumentDef(string Name, ValueType Type, string Help)
{
    public bool Required { get; init; }

    public int? Position { get; init; }

    public bool Sensitive { get; init; }

    /// <summary>Recognised for compatibility but answered with <c>failure: not supported</c> (smart cards).</summary>
    public bool HardwareOnly { get; init; }
}

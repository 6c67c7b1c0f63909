using RosCert.Commands.Execution;

namespace RosCert.Commands.Catalogue;

/// <summary>How a command touches the store: the runner opens the matching transaction.</summary>
public enum CommandKind
{
    /// <summary>Reads only: one read transaction (print, get, find).</summary>
    Query,

    /// <summary>Changes the store: one write transaction, committed before any output is shown.</summary>
    Change,

    /// <summary>Runs outside any transaction and manages its own (sign with slow key generation, imports).</summary>
    Unbound,
}

public delegate CommandResult CommandHandler(Invocation invocation);

/// <summary>
/// One command of a menu, declared once with its arguments, right and handler. A command whose
/// behaviour belongs to later work has no handler yet and answers <c>failure: not implemented yet</c>.
/// </summary>
public sealed record CommandDef(string Name, string Help, Rights Rights, CommandKind Kind, IReadOnlyList<ArgumentDef> Arguments)
{
    public CommandHandler? Handler { get; init; }

    /// <summary>Arguments may be given as <see cref="Values.RosUnset"/> to unset a property (<c>set</c>).</summary>
    public bool AcceptsUnset { get; init; }

    /// <summary>Hardware-only commands (smart cards) answer <c>failure: not supported</c>.</summary>
    public bool HardwareOnly { get; init; }

    /// <summary>
    /// An unbound command whose handler checks its item references itself
    /// (<see cref="CommandRunner.CheckReferences"/>) in the first snapshot it reads, so the runner
    /// does not open a read transaction just for them (sign: one transaction fewer per certificate).
    /// </summary>
    public bool ChecksOwnReferences { get; init; }

    public ArgumentDef? Argument(string name)
    {
        foreach (ArgumentDef argument in Arguments)
        {
            if (argument.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>Arguments that may be given without a name, in position order.</summary>
    public IEnumerable<ArgumentDef> PositionalArguments =>
        Arguments.Where(a => a.Position is not null).OrderBy(a => a.Position);
}

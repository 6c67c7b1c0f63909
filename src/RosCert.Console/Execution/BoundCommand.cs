using RosCert.Commands.Catalogue;
using RosCert.Commands.Values;

namespace RosCert.Console.Execution;

/// <summary>
/// A statement resolved against the catalogue: the menu it runs in, the command (null when the
/// statement only changes the current menu) and its evaluated arguments.
/// </summary>
internal sealed record BoundCommand(Menu Menu, CommandDef? Command, IReadOnlyDictionary<string, RosValue> Arguments);

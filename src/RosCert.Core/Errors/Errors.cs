namespace RosCert.Core.Errors;

/// <summary>
/// Every RouterOS error text in one table (reference §2, §4.10). Positions are 1-based line and
/// column of the offending token in the typed text.
/// </summary>
public static class Errors
{
    public static RouterOsException BadCommandName(string word, int line, int column) =>
        new(ErrorKind.Syntax, $"bad command name {word} (line {line} column {column})");

    public static RouterOsException ExpectedEndOfCommand(int line, int column) =>
        new(ErrorKind.Syntax, $"expected end of command (line {line} column {column})");

    public static RouterOsException SyntaxError(int line, int column) =>
        new(ErrorKind.Syntax, $"syntax error (line {line} column {column})");

    public static RouterOsException NoSuchItem() => new(ErrorKind.NoSuchItem, "no such item");

    public static RouterOsException InputDoesNotMatch(string argument) =>
        new(ErrorKind.BadValue, $"input does not match any value of {argument}");

    public static RouterOsException Ambiguous(string argument) =>
        new(ErrorKind.BadValue, $"ambiguous value of {argument}, more than one possible value matches input");

    public static RouterOsException OutOfRange(string argument, string range) =>
        new(ErrorKind.BadValue, $"value of {argument} out of range ({range})");

    public static RouterOsException InvalidValue(string argument, string reason) =>
        new(ErrorKind.BadValue, $"invalid value for argument {argument}: {reason}");

    public static RouterOsException MissingArguments(IEnumerable<string> arguments) =>
        new(ErrorKind.BadValue, $"missing value(s) of argument(s) {string.Join(' ', arguments)}");

    public static RouterOsException Failure(string text) => new(ErrorKind.Failure, "failure: " + text);

    public static RouterOsException NotSupported() => Failure("not supported");

    public static RouterOsException NotImplementedYet() => Failure("not implemented yet");

    public static RouterOsException NameExists(string what) => Failure($"{what} with the same name already exists");

    public static RouterOsException NotPermitted() => new(ErrorKind.NotPermitted, "not enough permissions");
}

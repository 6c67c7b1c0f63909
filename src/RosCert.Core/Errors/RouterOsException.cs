namespace RosCert.Core.Errors;

/// <summary>
/// The closed set of errors a command can end with. Each face maps it once: the console prints
/// <see cref="Exception.Message"/> (the RouterOS text), REST answers with <see cref="HttpStatus"/>,
/// the binary API with <c>!trap</c>.
/// </summary>
public enum ErrorKind
{
    /// <summary>A parse error: bad command name, expected end of command, syntax error.</summary>
    Syntax,

    /// <summary>A value that does not fit its argument (<c>input does not match any value of key-size</c>).</summary>
    BadValue,

    /// <summary>An item reference that names nothing (<c>no such item</c>).</summary>
    NoSuchItem,

    /// <summary>A command that ran and failed (<c>failure: …</c>).</summary>
    Failure,

    /// <summary>The user's group lacks the right.</summary>
    NotPermitted,
}

public sealed class RouterOsException : Exception
{
    public RouterOsException(ErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public RouterOsException()
        : this(ErrorKind.Failure, "failure")
    {
    }

    public RouterOsException(string message)
        : this(ErrorKind.Failure, message)
    {
    }

    public RouterOsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ErrorKind.Failure;
    }

    public ErrorKind Kind { get; }

    /// <summary>The RouterOS REST status for this error (reference §5.1).</summary>
    public int HttpStatus => Kind switch
    {
        ErrorKind.NoSuchItem => 404,
        ErrorKind.NotPermitted => 403,
        _ => 400,
    };
}

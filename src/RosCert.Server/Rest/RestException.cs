namespace RosCert.Server.Rest;

/// <summary>
/// An answer the REST face itself gives before or instead of running a command: a path that names
/// nothing, an unknown parameter, a malformed body. Errors of the commands themselves arrive as
/// <see cref="Core.Errors.RouterOsException"/> and keep their own status.
/// </summary>
internal sealed class RestException : Exception
{
    public RestException(int status, string? detail)
        : base(detail ?? "")
    {
        Status = status;
        Detail = detail;
    }

    public RestException()
        : this(400, null)
    {
    }

    public RestException(string message)
        : this(400, message)
    {
    }

    public RestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Detail = message;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; }

    /// <summary>The <c>detail</c> member of the error body; RouterOS leaves it out for a missing item (reference §5.1).</summary>
    public string? Detail { get; }

    /// <summary><c>GET /rest/certificate/*99</c>: <c>{"error":404,"message":"Not Found"}</c>, no detail.</summary>
    public static RestException NotFound() => new(404, null);

    /// <summary>A word of the path that is neither a menu nor (where one fits) an item.</summary>
    public static RestException NoSuchPath(string word) => new(400, $"no such command or directory ({word})");

    /// <summary>
    /// A command the menu does not have. RouterOS answers 406 here (reference §5.1 example:
    /// <c>{"error":406,"message":"Not Acceptable","detail":"no such command or directory (remove)"}</c>).
    /// </summary>
    public static RestException NoSuchCommand(string word) => new(406, $"no such command or directory ({word})");

    /// <summary>A command still running when the REST time limit passed (reference §5.1: 60 s).</summary>
    public static RestException SessionClosed() => new(400, "Session closed");

    /// <summary>An argument the command does not declare; RouterOS REST says <c>unknown parameter x</c>.</summary>
    public static RestException UnknownParameter(string name) => new(400, $"unknown parameter {name}");
}

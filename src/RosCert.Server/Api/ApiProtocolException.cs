namespace RosCert.Server.Api;

/// <summary>Broken framing on an API connection: the connection answers <c>!fatal</c> and closes; others go on.</summary>
public sealed class ApiProtocolException : Exception
{
    public ApiProtocolException()
        : this("protocol error")
    {
    }

    public ApiProtocolException(string message)
        : base(message)
    {
    }

    public ApiProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

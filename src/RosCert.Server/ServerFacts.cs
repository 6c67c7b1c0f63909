namespace RosCert.Server;

/// <summary>
/// RosCert.Server holds the network faces only (REST, the RouterOS binary API, CRL/SCEP/ACME HTTP
/// routes); each binds to the command catalogue and never declares a command of its own.
/// </summary>
public static class ServerFacts
{
    /// <summary>The media type of JSON replies (RouterOS REST, reference §5.1).</summary>
    public const string JsonMediaType = "application/json";
}

using System.Net;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;

namespace RosCert.Tests.Rest;

/// <summary>Two users with the password <c>pw</c>: <c>admin</c> (full) and <c>reader</c> (read).</summary>
internal sealed class TestAuthenticator : IAuthenticator
{
    public Principal? Authenticate(string user, string password, IPAddress remote, string via = "") => (user, password) switch
    {
        ("admin", "pw") => new Principal("admin", Rights.Full),
        ("reader", "pw") => new Principal("reader", Rights.Read),
        _ => null,
    };
}

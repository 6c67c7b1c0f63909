using System.Net;
using RosCert.Commands.Catalogue;

namespace RosCert.Commands.Execution;

/// <summary>Who a remote face is talking to, and what that user may do.</summary>
public sealed record Principal(string User, Rights Rights);

/// <summary>
/// Checks a user name and password for a remote face (REST Basic auth, API <c>/login</c>). Returns
/// null for a wrong password, an unknown user, or a login refused for its address (a user with an
/// empty password only from loopback; throttled clients).
/// </summary>
public interface IAuthenticator
{
    /// <param name="via">The face for the log (<c>rest</c>, <c>api</c>), as RouterOS's "login failure ... via rest".</param>
    Principal? Authenticate(string user, string password, IPAddress remote, string via = "");
}

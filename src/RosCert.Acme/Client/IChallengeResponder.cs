namespace RosCert.Acme.Client;

/// <summary>An http-01 answer: the token in the URL path and the key authorization to return (RFC 8555 §8.3).</summary>
public sealed record Http01Token(string Token, string KeyAuthorization);

/// <summary>
/// The port through which the engine makes http-01 answers reachable at
/// <c>http://&lt;identifier&gt;/.well-known/acme-challenge/&lt;token&gt;</c> until the returned handle
/// is disposed. Outer layers implement it (the store plus the daemon's www, or a listener of their own).
/// </summary>
public interface IChallengeResponder
{
    Task<IAsyncDisposable> PublishAsync(IReadOnlyList<Http01Token> tokens, CancellationToken cancel);
}

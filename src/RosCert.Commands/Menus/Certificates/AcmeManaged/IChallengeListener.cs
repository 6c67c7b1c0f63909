namespace RosCert.Commands.Menus.Certificates.AcmeManaged;

/// <summary>
/// A listener on the <c>www</c> port of <c>/ip service</c> that answers stored http-01 tokens while
/// an order runs (implemented by the host over Kestrel: Commands knows nothing of ASP.NET).
/// </summary>
public interface IChallengeListener
{
    /// <summary>
    /// Starts listening; returns null when the port is already served (the daemon's www answers the
    /// same stored tokens). Progress lines say which.
    /// </summary>
    Task<IAsyncDisposable?> ListenAsync(Action<string> progress, CancellationToken cancel);
}

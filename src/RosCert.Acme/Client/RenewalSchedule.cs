namespace RosCert.Acme.Client;

/// <summary>An ARI suggested renewal window (RFC 9773 §4.2) and when to ask again.</summary>
public sealed record RenewalWindow(DateTimeOffset Start, DateTimeOffset End, TimeSpan? RetryAfter);

/// <summary>
/// When a certificate is due: RouterOS renews at 80% of the validity period (reference §6.2); with
/// ARI the CA's suggested window decides instead (RFC 9773 §4.2: a uniformly random time inside it,
/// or now when the window already passed).
/// </summary>
public static class RenewalSchedule
{
    public const double RenewalFraction = 0.8;

    public static DateTimeOffset EightyPercent(DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        notBefore + TimeSpan.FromTicks((long)((notAfter - notBefore).Ticks * RenewalFraction));

    /// <summary>A time inside the window; <paramref name="fraction"/> in [0, 1) comes from the caller's randomness.</summary>
    public static DateTimeOffset InWindow(RenewalWindow window, double fraction)
    {
        if (window.End <= window.Start)
        {
            return window.Start;
        }

        return window.Start + TimeSpan.FromTicks((long)((window.End - window.Start).Ticks * Math.Clamp(fraction, 0, 1)));
    }
}

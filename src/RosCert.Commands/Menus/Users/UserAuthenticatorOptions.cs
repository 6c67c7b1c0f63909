namespace RosCert.Commands.Menus.Users;

/// <summary>Limits of <see cref="UserAuthenticator"/>; the throttle ones are defaults that <c>/user settings</c> overrides. Tests shrink them.</summary>
public sealed record UserAuthenticatorOptions
{
    /// <summary>Failed logins from one address for one user within <see cref="FailureWindow"/> before a lockout.</summary>
    public int MaxFailures { get; init; } = 5;

    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long further attempts are refused without checking the password.</summary>
    public TimeSpan LockoutPeriod { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a verified user and password skip PBKDF2 (REST Basic auth sends them on every request).</summary>
    public TimeSpan CacheLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Bound on remembered failures and cache entries, so a flood cannot grow memory without end.</summary>
    public int MaxEntries { get; init; } = 10_000;
}

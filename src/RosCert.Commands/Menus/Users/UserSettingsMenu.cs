using RosCert.Commands.Catalogue;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Ports;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.Users;

/// <summary>
/// <c>/user settings</c>, a RosCert extra (the 7.24 tree has no such menu): the limits of failed-login
/// throttling on the remote faces. After <c>login-failures-allowed</c> failures of one user from one
/// address within <c>login-failure-window</c>, further attempts are refused without checking the
/// password until <c>login-lockout</c> has passed since the last failure. Changes apply to the next
/// login, in every process, without a restart.
/// </summary>
public static class UserSettingsMenu
{
    public const string Path = "/user/settings";

    private static readonly TimeSpan s_maxPeriod = TimeSpan.FromDays(1);

    public static Menu Build()
    {
        var defaults = new UserAuthenticatorOptions();
        PropertyDef[] properties =
        [
            new("login-failures-allowed", new IntegerType(1, 1_000_000), ReadWrite, "failed logins of one user from one address before a lockout")
            {
                Default = defaults.MaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            new("login-failure-window", new DurationType(TimeSpan.FromSeconds(1), s_maxPeriod), ReadWrite, "how long a failed login is counted")
            {
                Default = Durations.Format(defaults.FailureWindow),
            },
            new("login-lockout", new DurationType(TimeSpan.Zero, s_maxPeriod), ReadWrite, "how long logins are refused after too many failures")
            {
                Default = Durations.Format(defaults.LockoutPeriod),
            },
        ];
        var menu = new Menu(Path, MenuKind.Settings, "RosCert extra: login throttling of the remote faces") { Properties = properties };
        return menu.Add(SettingsCommands.For(menu.Path, properties).Select(c => c with { Rights = c.Rights == Rights.Write ? Rights.Full : c.Rights }));
    }

    /// <summary>The limits in effect: the stored settings over <paramref name="defaults"/>.</summary>
    public static ThrottleLimits Limits(IStoreReader reader, UserAuthenticatorOptions defaults) => new(
        reader.Setting(Path, "login-failures-allowed") is { } failures ? int.Parse(failures, System.Globalization.CultureInfo.InvariantCulture) : defaults.MaxFailures,
        Duration(reader, "login-failure-window") ?? defaults.FailureWindow,
        Duration(reader, "login-lockout") ?? defaults.LockoutPeriod);

    private static TimeSpan? Duration(IStoreReader reader, string property) =>
        reader.Setting(Path, property) is { } text && Durations.TryParse(text, out TimeSpan value) ? value : null;
}

/// <summary>The limits of <see cref="LoginThrottle"/> for one login attempt.</summary>
public readonly record struct ThrottleLimits(int MaxFailures, TimeSpan FailureWindow, TimeSpan LockoutPeriod);

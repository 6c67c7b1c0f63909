using System.Net;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Users;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Users;

public sealed class UserAuthenticatorTests : IDisposable
{
    private static readonly IPAddress s_lan = IPAddress.Parse("192.168.88.20");
    private static readonly IPAddress s_other = IPAddress.Parse("10.1.2.3");

    private readonly TestConsole _console = new();
    private readonly List<string> _log = [];
    private readonly UserAuthenticator _authenticator;

    public UserAuthenticatorTests()
    {
        _authenticator = new UserAuthenticator(_console.Environment, _log.Add, new UserAuthenticatorOptions
        {
            MaxFailures = 3,
            FailureWindow = TimeSpan.FromSeconds(30),
            LockoutPeriod = TimeSpan.FromSeconds(10),
            CacheLifetime = TimeSpan.FromSeconds(5),
        });
    }

    public void Dispose() => _console.Dispose();

    [Fact]
    public void Default_admin_with_empty_password_logs_in_from_loopback_only()
    {
        Assert.Equal(new Principal("admin", Rights.Full), _authenticator.Authenticate("admin", "", IPAddress.Loopback));
        Assert.Equal(new Principal("admin", Rights.Full), _authenticator.Authenticate("admin", "", IPAddress.IPv6Loopback));
        Assert.Equal(new Principal("admin", Rights.Full), _authenticator.Authenticate("admin", "", IPAddress.Loopback.MapToIPv6()));
        Assert.Null(_authenticator.Authenticate("admin", "", s_lan));
        Assert.Null(_authenticator.Authenticate("admin", "x", IPAddress.Loopback));
        Assert.Single(_log, l => l.Contains("empty password", StringComparison.Ordinal));
    }

    [Fact]
    public void Password_is_checked_and_the_group_gives_the_right()
    {
        _console.Run("/user add name=bob group=write password=hunter2");
        Assert.Equal(new Principal("bob", Rights.Write), _authenticator.Authenticate("bob", "hunter2", s_lan));
        Assert.Null(_authenticator.Authenticate("bob", "hunter3", s_lan));
        Assert.Null(_authenticator.Authenticate("nobody", "hunter2", s_lan));
    }

    [Fact]
    public void A_verified_login_is_cached_so_pbkdf2_runs_once()
    {
        _console.Run("/user add name=bob group=read password=hunter2");
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_lan));
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_other));
        Assert.Equal(1, _authenticator.PasswordChecks);

        _console.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_lan));
        Assert.Equal(2, _authenticator.PasswordChecks);
    }

    [Fact]
    public void A_wrong_password_is_never_served_from_the_cache()
    {
        _console.Run("/user add name=bob group=read password=hunter2");
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_lan));
        Assert.Null(_authenticator.Authenticate("bob", "hunter", s_lan));
        Assert.Equal(2, _authenticator.PasswordChecks);
    }

    [Fact]
    public void Changing_the_password_or_disabling_the_user_applies_at_once_despite_the_cache()
    {
        _console.Run("/user add name=bob group=read password=hunter2");
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_lan));
        _console.Run("/user set bob password=other");
        Assert.Null(_authenticator.Authenticate("bob", "hunter2", s_lan));
        Assert.NotNull(_authenticator.Authenticate("bob", "other", s_lan));
        _console.Run("/user set bob disabled=yes");
        Assert.Null(_authenticator.Authenticate("bob", "other", s_lan));
    }

    [Fact]
    public void Failures_lock_out_the_address_and_user_for_a_while()
    {
        _console.Run("/user add name=bob group=read password=hunter2");
        for (int i = 0; i < 3; i++)
        {
            Assert.Null(_authenticator.Authenticate("bob", "guess" + i, s_lan));
        }

        long checks = _authenticator.PasswordChecks;
        Assert.Null(_authenticator.Authenticate("bob", "hunter2", s_lan));
        Assert.Equal(checks, _authenticator.PasswordChecks);
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_other));

        _console.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_lan));
    }

    [Fact]
    public void Failures_spread_beyond_the_window_do_not_lock_out()
    {
        _console.Run("/user add name=bob group=read password=hunter2");
        for (int i = 0; i < 5; i++)
        {
            Assert.Null(_authenticator.Authenticate("bob", "guess", s_lan));
            _console.Clock.Advance(TimeSpan.FromSeconds(16));
        }

        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_lan));
    }

    [Fact]
    public void User_settings_change_the_throttle_limits_for_the_next_login()
    {
        _console.Run("/user add name=bob group=read password=hunter2");
        _console.Run("/user settings set login-failures-allowed=1 login-lockout=1h");
        Assert.Null(_authenticator.Authenticate("bob", "guess", s_lan));
        _console.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(_authenticator.Authenticate("bob", "hunter2", s_lan));

        _console.Run("/user settings set login-lockout=10m");
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_lan));
    }

    [Fact]
    public void User_settings_print_their_defaults_and_refuse_out_of_range_values()
    {
        Assert.Equal(
            "  login-failures-allowed: 5\n    login-failure-window: 1m\n           login-lockout: 1m\n",
            _console.Run("/user settings print"));
        Assert.Contains("value of login-failures-allowed out of range", _console.Run("/user settings set login-failures-allowed=0"), StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_users_are_refused()
    {
        _console.Run("/user add name=bob group=full password=hunter2 disabled=yes");
        Assert.Null(_authenticator.Authenticate("bob", "hunter2", s_lan));
    }

    [Fact]
    public void Address_restricts_where_the_user_may_log_in_from()
    {
        _console.Run("/user add name=bob group=full password=hunter2 address=192.168.88.0/24,10.9.9.9");
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_lan));
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", IPAddress.Parse("10.9.9.9")));
        Assert.NotNull(_authenticator.Authenticate("bob", "hunter2", s_lan.MapToIPv6()));
        Assert.Null(_authenticator.Authenticate("bob", "hunter2", s_other));
        Assert.Null(_authenticator.Authenticate("bob", "hunter2", IPAddress.Loopback));
    }

    [Fact]
    public void A_group_without_read_write_or_policy_may_not_log_in()
    {
        _console.Run("/user group add name=none policy=ssh");
        _console.Run("/user add name=bob group=none password=hunter2");
        Assert.Null(_authenticator.Authenticate("bob", "hunter2", s_lan));
    }
}

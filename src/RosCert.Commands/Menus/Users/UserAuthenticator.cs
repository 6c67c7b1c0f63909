using System.Net;
using System.Security.Cryptography;
using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Log;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Users;

/// <summary>
/// Checks logins of the remote faces (REST Basic auth, API <c>/login</c>) against <c>/user</c>:
/// the stored PBKDF2 hash, <c>disabled</c>, the <c>address</c> networks and the group's right.
/// A user with an empty password (the default <c>admin</c>) may log in from loopback only, with a
/// warning logged once per user. Failures are throttled per (client address, user). A verified
/// login is remembered for a short time under a SHA-256 of user and password (never the clear
/// password), so Basic auth does not pay PBKDF2 on every request; the user record is still read
/// on every login, so disabling a user or changing its password takes effect at once.
/// </summary>
public sealed class UserAuthenticator : IAuthenticator
{
    /// <summary>Checked for unknown users, so the answer time does not tell which names exist.</summary>
    private static readonly Lazy<string> s_decoyHash = new(() => PasswordHash.Create(Guid.NewGuid().ToString()));

    private readonly CommandEnvironment _environment;
    private readonly Action<string> _log;
    private readonly UserAuthenticatorOptions _options;
    private readonly LoginThrottle _throttle;
    private readonly Dictionary<string, (string StoredHash, DateTimeOffset Expires)> _verified = new(StringComparer.Ordinal);
    private readonly HashSet<string> _warnedEmpty = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _passwordChecks;

    public UserAuthenticator(CommandEnvironment environment, Action<string> log, UserAuthenticatorOptions? options = null)
    {
        _environment = environment;
        _log = log;
        _options = options ?? new UserAuthenticatorOptions();
        _throttle = new LoginThrottle(_options, environment.Clock);
    }

    /// <summary>How many PBKDF2 verifications this authenticator has run (the cache saves them; tests observe it).</summary>
    public long PasswordChecks => Interlocked.Read(ref _passwordChecks);

    public Principal? Authenticate(string user, string password, IPAddress remote, string via = "")
    {
        IPAddress address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        string throttleKey = address + "\n" + user;
        (bool locked, ThrottleLimits limits, Principal? principal) = _environment.Store.Read(reader =>
        {
            ThrottleLimits limits = UserSettingsMenu.Limits(reader, _options);
            return _throttle.IsLocked(throttleKey, limits)
                ? (true, limits, (Principal?)null)
                : (false, limits, Check(reader, user, password, address));
        });
        if (locked)
        {
            // Not logged: the throttle bounds how many failures of one client reach /log.
            return null;
        }

        if (principal is null)
        {
            _throttle.Failed(throttleKey, limits);
            LogFailure(user, address, via);
        }
        else
        {
            _throttle.Succeeded(throttleKey);
        }

        return principal;
    }

    /// <summary>RouterOS writes each refused login to its log (topics system,error,critical).</summary>
    private void LogFailure(string user, IPAddress address, string via)
    {
        DateTimeOffset now = _environment.Clock.GetUtcNow();
        _environment.Store.Write(writer =>
        {
            AuditLog.LoginFailure(writer, now, _environment.HostZone, user, address.ToString(), via.Length == 0 ? "unknown" : via);
            return 0;
        });
    }

    private Principal? Check(IStoreReader reader, string user, string password, IPAddress address)
    {
        ItemRecord? record = UserDirectory.Users(reader).FirstOrDefault(u => u.Name == user);
        if (record is null)
        {
            PasswordHash.Verify(password, s_decoyHash.Value);
            return null;
        }

        string stored = record.Properties.GetValueOrDefault("password", "");
        bool passwordOk = stored.Length == 0 ? EmptyPasswordAllowed(user, password, address) : Verified(user, password, stored);
        if (!passwordOk || record.Properties.GetValueOrDefault("disabled") == "yes" || !AddressListType.Allows(record.Properties.GetValueOrDefault("address"), address))
        {
            return null;
        }

        Rights? rights = UserDirectory.RightsOf(reader, record);
        return rights is null ? null : new Principal(user, rights.Value);
    }

    /// <summary>An empty password is accepted only from loopback: a fresh install is not open to the network.</summary>
    private bool EmptyPasswordAllowed(string user, string password, IPAddress address)
    {
        if (password.Length != 0 || !IPAddress.IsLoopback(address))
        {
            return false;
        }

        lock (_lock)
        {
            if (_warnedEmpty.Add(user))
            {
                _log($"warning: user {user} has an empty password; it may log in from loopback only, set a password with /user set {user} password=...");
            }
        }

        return true;
    }

    /// <summary>PBKDF2 unless this user and password were verified against the same stored hash a moment ago.</summary>
    private bool Verified(string user, string password, string stored)
    {
        string key = CacheKey(user, password);
        DateTimeOffset now = _environment.Clock.GetUtcNow();
        lock (_lock)
        {
            if (_verified.TryGetValue(key, out var entry) && entry.Expires > now && entry.StoredHash == stored)
            {
                return true;
            }
        }

        Interlocked.Increment(ref _passwordChecks);
        if (!PasswordHash.Verify(password, stored))
        {
            return false;
        }

        lock (_lock)
        {
            if (_verified.Count >= _options.MaxEntries)
            {
                _verified.Clear();
            }

            _verified[key] = (stored, now + _options.CacheLifetime);
        }

        return true;
    }

    private static string CacheKey(string user, string password)
    {
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(user + "\0" + password));
        return Convert.ToHexString(digest);
    }
}

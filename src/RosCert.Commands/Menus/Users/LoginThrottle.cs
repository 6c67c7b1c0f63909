namespace RosCert.Commands.Menus.Users;

/// <summary>
/// Failed logins per (client address, user): after <see cref="ThrottleLimits.MaxFailures"/> failures
/// within the window, attempts are refused without checking the password until the lockout period
/// has passed since the last failure. The limits come with each call (<c>/user settings</c> may change
/// them at any time). Thread-safe; bounded in size by <see cref="UserAuthenticatorOptions.MaxEntries"/>.
/// </summary>
internal sealed class LoginThrottle(UserAuthenticatorOptions options, TimeProvider clock)
{
    private readonly Dictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool IsLocked(string key, ThrottleLimits limits)
    {
        DateTimeOffset now = clock.GetUtcNow();
        lock (_lock)
        {
            if (!_failures.TryGetValue(key, out List<DateTimeOffset>? times) || times.Count < limits.MaxFailures)
            {
                return false;
            }

            if (now - times[^1] < limits.LockoutPeriod)
            {
                return true;
            }

            _failures.Remove(key);
            return false;
        }
    }

    public void Failed(string key, ThrottleLimits limits)
    {
        DateTimeOffset now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_failures.Count >= options.MaxEntries)
            {
                Prune(now, limits);
            }

            if (!_failures.TryGetValue(key, out List<DateTimeOffset>? times))
            {
                _failures[key] = times = [];
            }

            times.RemoveAll(t => now - t >= limits.FailureWindow);
            times.Add(now);
        }
    }

    public void Succeeded(string key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>Drops entries whose last failure is older than both the window and the lockout.</summary>
    private void Prune(DateTimeOffset now, ThrottleLimits limits)
    {
        TimeSpan keep = limits.FailureWindow > limits.LockoutPeriod ? limits.FailureWindow : limits.LockoutPeriod;
        foreach (string key in _failures.Where(f => now - f.Value[^1] >= keep).Select(f => f.Key).ToArray())
        {
            _failures.Remove(key);
        }

        // Still full of recent failures: forget the oldest quarter, keeping the latest lockouts.
        int excess = _failures.Count - (options.MaxEntries * 3 / 4);
        foreach (string key in _failures.OrderBy(f => f.Value[^1]).Take(excess).Select(f => f.Key).ToArray())
        {
            _failures.Remove(key);
        }
    }
}

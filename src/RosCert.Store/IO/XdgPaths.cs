namespace RosCert.Store.IO;

/// <summary>
/// Base directories per the XDG Base Directory Specification: an unset, empty or relative
/// <c>XDG_*_HOME</c> is ignored and the spec's default under <c>$HOME</c> is used instead.
/// </summary>
internal static class XdgPaths
{
    /// <summary><c>$xdgVariable/roscert</c>, else <c>$HOME/fallback/roscert</c>.</summary>
    public static string AppDirectory(Func<string, string?> environment, string xdgVariable, string fallback)
    {
        string? xdg = environment(xdgVariable);
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "roscert");
        }

        return Path.Combine(Home(environment), fallback, "roscert");
    }

    private static string Home(Func<string, string?> environment)
    {
        string? home = environment("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (string.IsNullOrEmpty(home))
        {
            throw new StoreException("cannot find a home directory: set HOME or the RosCert path variables");
        }

        return home;
    }
}

using RosCert.Core.Ports;

namespace RosCert.Core.Revocation;

/// <summary>The CRL switches of <c>/certificate/settings</c> (reference §2.19), read from the store.</summary>
public static class CrlSettings
{
    public const string Menu = "/certificate/settings";

    /// <summary><c>crl-use</c> (default no): certificates listed in a valid CRL show R, chains need CRLs.</summary>
    public static bool Use(IStoreReader reader) => reader.Setting(Menu, "crl-use") == "yes";

    /// <summary><c>crl-download</c> (default no): the daemon refreshes the CRLs hourly.</summary>
    public static bool Download(IStoreReader reader) => reader.Setting(Menu, "crl-download") == "yes";

    /// <summary><c>crl-store</c> (default ram): where downloaded CRL bytes are kept.</summary>
    public static string Store(IStoreReader reader) => reader.Setting(Menu, "crl-store") ?? CrlKeeping.Ram;

    /// <summary>Default of <c>crl-rate-limit</c>: ten requests a second per client address on average.</summary>
    public const int DefaultServeRateLimit = 600;

    /// <summary>
    /// RosCert extra <c>crl-rate-limit</c> (decision 0053): CRL downloads a minute per client address
    /// on <c>www</c>'s <c>/crl/</c> endpoint; 0 turns the limit off.
    /// </summary>
    public static int ServeRateLimit(IStoreReader reader) =>
        int.TryParse(reader.Setting(Menu, "crl-rate-limit"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int limit)
            ? limit
            : DefaultServeRateLimit;

    /// <summary><c>builtin-trust-store</c> (default <c>default</c>): <c>untrusted</c> keeps the system anchors out of chains.</summary>
    public static bool UseBuiltinAnchors(IStoreReader reader) => reader.Setting(Menu, "builtin-trust-store") != "untrusted";
}

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

    /// <summary><c>builtin-trust-store</c> (default <c>default</c>): <c>untrusted</c> keeps the system anchors out of chains.</summary>
    public static bool UseBuiltinAnchors(IStoreReader reader) => reader.Setting(Menu, "builtin-trust-store") != "untrusted";
}

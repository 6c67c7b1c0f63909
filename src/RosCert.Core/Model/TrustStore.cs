namespace RosCert.Core.Model;

/// <summary>
/// Service names a certificate may be used by for verification (reference §3.3, 7.23+ order);
/// <c>all</c> means every service.
/// </summary>
public static class TrustStores
{
    public const string All = "all";

    public static IReadOnlyList<string> Services { get; } =
    [
        "ipsec", "wpa-eap", "capsman", "fetch", "sstp", "ovpn", "mqtt", "email", "netwatch", "radius",
        "container", "userman", "lora", "wiliot", "openflow", "tr069", "dot1x", "dns", "www", "api",
        "reverse-proxy", "logging",
    ];

    /// <summary>Every value a <c>trust-store</c> list may hold: <c>all</c> and the services.</summary>
    public static IReadOnlyList<string> Values { get; } = [All, .. Services];
}

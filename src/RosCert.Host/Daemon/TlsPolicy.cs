using System.Net.Security;
using System.Runtime.Versioning;

namespace RosCert.Host.Daemon;

/// <summary>
/// The cipher suites of <c>www-ssl</c> and <c>api-ssl</c> (decision 0055). Left to its defaults,
/// .NET on this OpenSSL also negotiates TLS 1.2 CBC suites (e.g. ECDHE-RSA-AES256-SHA384); only
/// AEAD suites with forward secrecy are allowed (RFC 9325 §4.2), plus the three TLS 1.3 suites.
/// </summary>
internal static class TlsPolicy
{
    /// <summary>The allowed suites; null (the system's choice) where .NET cannot set them (Windows).</summary>
    public static CipherSuitesPolicy? CipherSuites { get; } = OperatingSystem.IsWindows() ? null : Create();

    [UnsupportedOSPlatform("windows")]
    private static CipherSuitesPolicy Create() => new(
    [
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ]);
}

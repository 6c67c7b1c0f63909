using System.Security.Cryptography;

namespace RosCert.Scep.Forwarding;

/// <summary>
/// The RA's <c>fingerprint-algorithm</c> (<c>sha256|sha1|md5</c>, reference §2.17): how <c>ca-fingerprint</c>
/// and <c>req-fingerprint</c> are shown, as lower-case hex like <c>/certificate fingerprint</c>.
/// </summary>
public static class ScepFingerprint
{
    /// <summary>The property carrying the algorithm on the RA and on its certificate's SCEP state.</summary>
    public const string AlgorithmProperty = "fingerprint-algorithm";

    // MD5 and SHA-1 only name a certificate for a human to compare, as the RouterOS property offers them.
#pragma warning disable CA5350, CA5351
    public static string Of(string? algorithm, byte[] der) => Convert.ToHexStringLower(algorithm switch
    {
        "sha1" => SHA1.HashData(der),
        "md5" => MD5.HashData(der),
        _ => SHA256.HashData(der),
    });
#pragma warning restore CA5350, CA5351
}

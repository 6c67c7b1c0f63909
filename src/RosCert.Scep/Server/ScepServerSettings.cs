using RosCert.Core.Model;

namespace RosCert.Scep.Server;

/// <summary>
/// One enabled <c>/certificate/scep-server</c> entry (reference §2.17) as the engine needs it; the
/// catalogue reads it from the stored item.
/// </summary>
public sealed record ScepServerSettings(
    ItemId Id,
    string Path,
    string CaCert,
    string? NextCaCert,
    int DaysValid,
    TimeSpan RequestLifetime,
    KeyUsage? KeyUsage,
    int RateLimit)
{
    /// <summary>
    /// RosCert extra <c>ra-cert=</c>: a local RA certificate (with its RSA key) that decrypts and signs
    /// SCEP messages instead of the CA (RFC 8894 §2.1, §3.2.1); null when the CA does it itself.
    /// </summary>
    public string? RaCert { get; init; }
}

/// <summary>Issues a certificate for a request under the server's CA and stores it (flag I, shared naming rule).</summary>
public interface IScepIssuer
{
    CertificateEntry Issue(Core.Ports.IStoreWriter writer, CertificateEntry ca, ScepServerSettings server, Core.Requests.SigningRequest request);
}

/// <summary>An HTTP answer of the SCEP endpoint.</summary>
public sealed record ScepReply(int StatusCode, string ContentType, byte[] Body)
{
    public static ScepReply Text(int statusCode, string text) => new(statusCode, "text/plain", System.Text.Encoding.UTF8.GetBytes(text + "\n"));
}

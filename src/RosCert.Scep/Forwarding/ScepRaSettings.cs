using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Scep.Client;

namespace RosCert.Scep.Forwarding;

/// <summary>
/// One enabled <c>/certificate/scep-server/ra</c> entry (reference §2.17, §6.1) as the forwarder needs
/// it: where it forwards to and how long it remembers a forwarded transaction.
/// </summary>
public sealed record ScepRaSettings(ItemId Id, string Name, string ServerUrl, string? RaPath, TimeSpan TransactionLifetime);

/// <summary>
/// A forwarding RA ready to answer (decision 0060): its settings, its own certificate with the RSA key
/// that opens the clients' envelopes and signs towards both sides, and what it knows of the upstream
/// server (capabilities, CA chain, the certificate to encrypt to).
/// </summary>
public sealed class ScepRaContext(ScepRaSettings settings, X509Certificate2 certificate, ScepServerView upstream) : IDisposable
{
    public ScepRaSettings Settings { get; } = settings;

    /// <summary>The RA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; } = certificate;

    public ScepServerView Upstream { get; } = upstream;

    public void Dispose() => Certificate.Dispose();
}

using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Model;

namespace RosCert.Host.Daemon;

/// <summary>
/// The TLS certificates of www-ssl and api-ssl, by certificate name: the certificate with its key
/// (unsealed in memory only) and the chain of issuers found in the store. Looked up at every TLS
/// handshake, keyed by fingerprint, so a renewed or re-assigned certificate is served at once.
/// </summary>
public sealed class CertificateCache(CommandEnvironment environment)
{
    private readonly ConcurrentDictionary<string, ServerCertificate> _byFingerprint = new(StringComparer.Ordinal);

    public ServerCertificate? Get(string name)
    {
        CertificateEntry? entry = environment.Store.Read(r => r.CertificateByName(name));
        if (entry?.Fingerprint is not { } fingerprint || entry.PrivateKey is null)
        {
            return null;
        }

        return _byFingerprint.GetOrAdd(fingerprint, _ => Load(entry));
    }

    private ServerCertificate Load(CertificateEntry entry)
    {
        byte[] key = environment.Keys.Unseal(entry.PrivateKey!);
        IReadOnlyList<byte[]> chain = environment.Store.Read(r => ExportCertificateCommand.Chain(r, entry));
        X509Certificate2 leaf = CertificateWithKey.Create(entry.Der!, key);
        var issuers = new X509Certificate2Collection();
        foreach (byte[] der in chain.Skip(1))
        {
            issuers.Add(X509CertificateLoader.LoadCertificate(der));
        }

        return new ServerCertificate(leaf, issuers);
    }
}

/// <summary>A server certificate with its private key and the issuers to send with it.</summary>
public sealed record ServerCertificate(X509Certificate2 Certificate, X509Certificate2Collection Issuers);

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Scep.Server;

/// <summary>
/// The unsealed signers (certificate with its private key) of the SCEP servers' CAs and RAs, kept
/// across requests: unsealing and importing an RSA-2048 key costs more than the signature it is
/// used for (docs/performance.md, SCEP). An entry is keyed by the certificate id and holds only
/// while the stored certificate and sealed key are the very bytes it was made from, so a renewed,
/// re-imported or replaced CA is picked up on its next request. The key stays in process memory
/// only, as it does for the duration of any signature.
/// </summary>
public sealed class ScepSignerCache(IKeyProtector keys)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ItemId, Entry> _entries = [];

    /// <summary>
    /// The signer of <paramref name="holder"/>, which must have a certificate and a private key.
    /// Shared across requests and threads: callers must not dispose it.
    /// </summary>
    public X509Certificate2 SignerOf(CertificateEntry holder)
    {
        byte[] der = holder.Der!;
        byte[] sealedKey = holder.PrivateKey!.Bytes;
        lock (_lock)
        {
            if (_entries.TryGetValue(holder.Id, out Entry? known) && known.Matches(der, sealedKey))
            {
                return known.Signer;
            }
        }

        // Built outside the lock; a replaced signer is left to the finalizer, as another request may still use it.
        X509Certificate2 signer = Build(holder);
        lock (_lock)
        {
            _entries[holder.Id] = new Entry(der, sealedKey, signer);
        }

        return signer;
    }

    private X509Certificate2 Build(CertificateEntry holder)
    {
        byte[] pkcs8 = keys.Unseal(holder.PrivateKey!);
        try
        {
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(holder.Der!);
            if (holder.KeySize.Type == KeyType.Ec)
            {
                using ECDsa ec = ECDsa.Create();
                ec.ImportPkcs8PrivateKey(pkcs8, out _);
                return certificate.CopyWithPrivateKey(ec);
            }

            using RSA rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return certificate.CopyWithPrivateKey(rsa);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private sealed record Entry(byte[] Der, byte[] SealedKey, X509Certificate2 Signer)
    {
        public bool Matches(byte[] der, byte[] sealedKey) => Der.AsSpan().SequenceEqual(der) && SealedKey.AsSpan().SequenceEqual(sealedKey);
    }
}

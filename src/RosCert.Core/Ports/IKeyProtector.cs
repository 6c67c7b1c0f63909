using RosCert.Core.Model;

namespace RosCert.Core.Ports;

/// <summary>Seals private keys (PKCS#8 DER) for storage and opens them again; keys never rest in clear.</summary>
public interface IKeyProtector
{
    SealedKey Seal(ReadOnlySpan<byte> pkcs8);

    /// <summary>Opens a sealed key; throws <see cref="System.Security.Cryptography.CryptographicException"/> when it does not open.</summary>
    byte[] Unseal(SealedKey sealedKey);
}

using System.Security.Cryptography;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Store.Keys;

/// <summary>
/// Seals private keys with AES-256-GCM under the <see cref="MasterKey"/>. Layout:
/// <c>version (1) | nonce (12) | ciphertext | tag (16)</c>. A fresh random 96-bit nonce per seal
/// stays far below the 2^32 messages NIST SP 800-38D allows per key for random nonces.
/// </summary>
public sealed class AesGcmKeyProtector : IKeyProtector
{
    public const byte FormatVersion = 1;

    private const int NonceSize = 12;

    private const int TagSize = 16;

    private const int HeaderSize = 1 + NonceSize;

    private readonly MasterKey _masterKey;

    public AesGcmKeyProtector(MasterKey masterKey)
    {
        _masterKey = masterKey;
    }

    /// <summary>Binds every blob to its purpose, so a blob sealed for something else never opens as a key.</summary>
    private static ReadOnlySpan<byte> AssociatedData => "roscert/private-key/v1"u8;

    public SealedKey Seal(ReadOnlySpan<byte> pkcs8)
    {
        byte[] output = new byte[HeaderSize + pkcs8.Length + TagSize];
        output[0] = FormatVersion;
        Span<byte> nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_masterKey.Key, TagSize);
        aes.Encrypt(nonce, pkcs8, output.AsSpan(HeaderSize, pkcs8.Length), output.AsSpan(HeaderSize + pkcs8.Length), AssociatedData);
        return new SealedKey(output);
    }

    public byte[] Unseal(SealedKey sealedKey)
    {
        ReadOnlySpan<byte> blob = sealedKey.Bytes;
        if (blob.Length < HeaderSize + TagSize || blob[0] != FormatVersion)
        {
            throw new CryptographicException("the sealed private key is damaged or of an unknown format");
        }

        int length = blob.Length - HeaderSize - TagSize;
        byte[] plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(_masterKey.Key, TagSize);
            aes.Decrypt(blob.Slice(1, NonceSize), blob.Slice(HeaderSize, length), blob[^TagSize..], plaintext, AssociatedData);
            return plaintext;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw;
        }
    }
}

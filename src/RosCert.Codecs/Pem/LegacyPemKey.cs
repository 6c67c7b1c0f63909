using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace RosCert.Codecs.Pem;

/// <summary>
/// OpenSSL's "traditional" encrypted PEM keys (RFC 1421 §4.6 headers as OpenSSL writes them):
/// <c>Proc-Type: 4,ENCRYPTED</c> and <c>DEK-Info: &lt;cipher&gt;,&lt;hex IV&gt;</c> above a PKCS#1 or SEC1 body.
/// The key is OpenSSL's <c>EVP_BytesToKey</c> with MD5, one iteration and the first 8 bytes of the IV
/// as salt (<c>PEM_do_header</c> in crypto/pem/pem_lib.c); the body is CBC with PKCS#7 padding.
/// </summary>
public static class LegacyPemKey
{
    private const int SaltLength = 8; // PKCS5_SALT_LEN

    /// <summary>Whether the block carries <c>Proc-Type: 4,ENCRYPTED</c>.</summary>
    public static bool IsEncrypted(PemBlock block) =>
        block.Headers.TryGetValue("Proc-Type", out string? procType) &&
        procType.Replace(" ", "", StringComparison.Ordinal).Equals("4,ENCRYPTED", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Decrypts the block's body. False when the passphrase is wrong (bad padding), the cipher is not
    /// one of DES-CBC, DES-EDE3-CBC, AES-128/192/256-CBC, or the <c>DEK-Info</c> header is damaged.
    /// A wrong passphrase that happens to give valid padding returns garbage that the caller's
    /// ASN.1 parser rejects.
    /// </summary>
    public static bool TryDecrypt(PemBlock block, string passphrase, [NotNullWhen(true)] out byte[]? plaintext)
    {
        plaintext = null;
        if (!TryReadDekInfo(block, out string? cipher, out byte[]? iv) || iv.Length < SaltLength)
        {
            return false;
        }

        using SymmetricAlgorithm? algorithm = Create(cipher, out int keyLength);
        if (algorithm is null || iv.Length != algorithm.BlockSize / 8)
        {
            return false;
        }

        byte[] key = BytesToKey(Encoding.UTF8.GetBytes(passphrase), iv.AsSpan(0, SaltLength), keyLength);
        try
        {
            algorithm.Key = key;
            plaintext = algorithm.DecryptCbc(block.Data, iv, PaddingMode.PKCS7);
            return true;
        }
        catch (CryptographicException)
        {
            // Bad padding (wrong passphrase) or a DES weak key refused by the Key setter.
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary><c>DEK-Info: AES-256-CBC,0123…</c>: the cipher name and the IV in hex.</summary>
    private static bool TryReadDekInfo(PemBlock block, [NotNullWhen(true)] out string? cipher, [NotNullWhen(true)] out byte[]? iv)
    {
        cipher = null;
        iv = null;
        if (!block.Headers.TryGetValue("DEK-Info", out string? dekInfo))
        {
            return false;
        }

        int comma = dekInfo.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0)
        {
            return false;
        }

        cipher = dekInfo[..comma].Trim().ToUpperInvariant();
        try
        {
            iv = Convert.FromHexString(dekInfo[(comma + 1)..].Trim());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The cipher for an OpenSSL cipher name, with its key length in bytes; null when not supported.</summary>
    private static SymmetricAlgorithm? Create(string cipher, out int keyLength)
    {
        (keyLength, SymmetricAlgorithm? algorithm) = cipher switch
        {
#pragma warning disable CA5351 // single DES: reading keys that OpenSSL wrote with `-des`, never writing
            "DES-CBC" => (8, (SymmetricAlgorithm)DES.Create()),
#pragma warning restore CA5351
#pragma warning disable CA5350 // 3DES: reading keys that OpenSSL wrote with `-des3`, never writing
            "DES-EDE3-CBC" => (24, TripleDES.Create()),
#pragma warning restore CA5350
            "AES-128-CBC" => (16, Aes.Create()),
            "AES-192-CBC" => (24, Aes.Create()),
            "AES-256-CBC" => (32, Aes.Create()),
            _ => (0, null),
        };
        return algorithm;
    }

    /// <summary>
    /// <c>EVP_BytesToKey(cipher, EVP_md5(), salt, pass, 1)</c>: D_1 = MD5(pass ‖ salt),
    /// D_i = MD5(D_(i-1) ‖ pass ‖ salt), concatenated until there are enough bytes for the key.
    /// </summary>
    internal static byte[] BytesToKey(ReadOnlySpan<byte> passphrase, ReadOnlySpan<byte> salt, int keyLength)
    {
        byte[] key = new byte[keyLength];
        byte[] previous = [];
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        for (int filled = 0; filled < keyLength; filled += previous.Length)
        {
            md5.AppendData(previous);
            md5.AppendData(passphrase);
            md5.AppendData(salt);
            previous = md5.GetHashAndReset();
            previous.AsSpan(0, Math.Min(previous.Length, keyLength - filled)).CopyTo(key.AsSpan(filled));
        }

        return key;
    }
}

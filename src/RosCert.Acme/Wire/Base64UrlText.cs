using System.Buffers.Text;

namespace RosCert.Acme.Wire;

/// <summary>base64url without padding (RFC 7515 §2, RFC 8555 §6.1), and the lenient key reader for EAB.</summary>
public static class Base64UrlText
{
    public static string Encode(ReadOnlySpan<byte> data) => Base64Url.EncodeToString(data);

    /// <summary>
    /// An EAB HMAC key as CAs hand it out: base64url (RFC 8555 §7.3.4), or plain base64 with
    /// <c>+</c>, <c>/</c> and padding, as some CAs print it. Null when it is neither.
    /// </summary>
    public static byte[]? DecodeLenient(string text)
    {
        string normalized = text.Trim().TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (normalized.Length == 0 || !Base64Url.IsValid(normalized))
        {
            return null;
        }

        return Base64Url.DecodeFromChars(normalized);
    }
}

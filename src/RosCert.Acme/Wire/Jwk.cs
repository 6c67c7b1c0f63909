using System.Security.Cryptography;
using System.Text.Json;

namespace RosCert.Acme.Wire;

/// <summary>The JSON Web Key of a P-256 account key (RFC 7518 §6.2) and its thumbprint (RFC 7638).</summary>
public static class Jwk
{
    /// <summary>
    /// Writes <c>{"crv":"P-256","kty":"EC","x":…,"y":…}</c>: exactly the required members in
    /// lexicographic order, which is also the RFC 7638 §3.2 thumbprint input.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, ECDsa key)
    {
        ECParameters p = key.ExportParameters(includePrivateParameters: false);
        writer.WriteStartObject();
        writer.WriteString("crv", "P-256");
        writer.WriteString("kty", "EC");
        writer.WriteString("x", Base64UrlText.Encode(p.Q.X));
        writer.WriteString("y", Base64UrlText.Encode(p.Q.Y));
        writer.WriteEndObject();
    }

    /// <summary>base64url(SHA-256(canonical JWK)) (RFC 7638 §3), used in key authorizations (RFC 8555 §8.1).</summary>
    public static string Thumbprint(ECDsa key)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, key);
        }

        return Base64UrlText.Encode(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>The http-01 key authorization: token "." thumbprint (RFC 8555 §8.1).</summary>
    public static string KeyAuthorization(string token, ECDsa accountKey) => token + "." + Thumbprint(accountKey);
}

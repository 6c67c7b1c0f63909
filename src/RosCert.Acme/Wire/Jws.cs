using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RosCert.Acme.Wire;

/// <summary>
/// The flattened JWS JSON serialization every ACME POST carries (RFC 7515 §7.2.2, RFC 8555 §6.2):
/// protected header with <c>alg</c>, <c>nonce</c>, <c>url</c> and either <c>jwk</c> (newAccount,
/// revocation by certificate key) or <c>kid</c> (the account URL); ES256 signatures are r||s, 64 bytes
/// (RFC 7518 §3.4), which is .NET's IEEE P1363 format.
/// </summary>
public static class Jws
{
    /// <summary>A POST body signed by the account key; a null payload is POST-as-GET (empty payload, RFC 8555 §6.3).</summary>
    public static byte[] Sign(ECDsa accountKey, string url, string nonce, string? kid, byte[]? payload)
    {
        byte[] header = Header(w =>
        {
            w.WriteString("alg", "ES256");
            if (kid is null)
            {
                w.WritePropertyName("jwk");
                Jwk.Write(w, accountKey);
            }
            else
            {
                w.WriteString("kid", kid);
            }

            w.WriteString("nonce", nonce);
            w.WriteString("url", url);
        });
        return Flattened(header, payload, input => accountKey.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>
    /// The externalAccountBinding member of a newAccount request (RFC 8555 §7.3.4): a JWS over the
    /// account's JWK, HS256 with the CA's MAC key, header <c>alg</c>, <c>kid</c> (the EAB key id) and
    /// <c>url</c> (newAccount) and no nonce.
    /// </summary>
    public static byte[] ExternalAccountBinding(string eabKid, byte[] macKey, string newAccountUrl, ECDsa accountKey)
    {
        byte[] header = Header(w =>
        {
            w.WriteString("alg", "HS256");
            w.WriteString("kid", eabKid);
            w.WriteString("url", newAccountUrl);
        });
        using var jwk = new MemoryStream();
        using (var writer = new Utf8JsonWriter(jwk))
        {
            Jwk.Write(writer, accountKey);
        }

        return Flattened(header, jwk.ToArray(), input => HMACSHA256.HashData(macKey, input));
    }

    private static byte[] Header(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] Flattened(byte[] header, byte[]? payload, Func<byte[], byte[]> sign)
    {
        string protectedPart = Base64UrlText.Encode(header);
        string payloadPart = payload is null ? "" : Base64UrlText.Encode(payload);
        byte[] signature = sign(Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("protected", protectedPart);
            writer.WriteString("payload", payloadPart);
            writer.WriteString("signature", Base64UrlText.Encode(signature));
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

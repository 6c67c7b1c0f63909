using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Core.Requests;

/// <summary>
/// A PKCS#10 certification request (RFC 2986 §4) as RosCert reads it. The subject parts are the
/// first attribute of each type; multi-valued RDNs contribute nothing to them.
/// </summary>
public sealed class SigningRequest
{
    /// <summary>The request as DER, exactly as it was read.</summary>
    public required byte[] Der { get; init; }

    public required X500DistinguishedName Subject { get; init; }

    public string CommonName => Part("2.5.4.3");

    public string Country => Part("2.5.4.6");

    public string State => Part("2.5.4.8");

    public string Locality => Part("2.5.4.7");

    public string Organization => Part("2.5.4.10");

    public string Unit => Part("2.5.4.11");

    public required IReadOnlyList<SanEntry> SubjectAltNames { get; init; }

    /// <summary>The requested KeyUsage bits and ExtendedKeyUsage purposes, merged as RouterOS does.</summary>
    public required KeyUsage KeyUsage { get; init; }

    /// <summary>The DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) of the requester's key.</summary>
    public required byte[] SubjectPublicKeyInfo { get; init; }

    /// <summary>The PKCS#9 challengePassword attribute (RFC 2985 §5.4.1), or null when absent.</summary>
    public string? ChallengePassword { get; init; }

    /// <summary>The digest of the self-signature, or null when the signature algorithm is not one RosCert knows.</summary>
    public DigestAlgorithm? SignatureDigest { get; init; }

    /// <summary>Whether the self-signature verifies with the enclosed public key (RFC 2986 §3, step 3).</summary>
    public bool SignatureValid { get; init; }

    /// <summary>The subject attribute values by OID, first occurrence of each (filled by the loader).</summary>
    internal IReadOnlyDictionary<string, string> SubjectParts { get; init; } = new Dictionary<string, string>();

    private string Part(string oid) => SubjectParts.TryGetValue(oid, out string? value) ? value : "";

    /// <summary>Reads the single-valued RDNs of <paramref name="subject"/>; throws CryptographicException when damaged.</summary>
    internal static Dictionary<string, string> ReadParts(X500DistinguishedName subject)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (X500RelativeDistinguishedName rdn in subject.EnumerateRelativeDistinguishedNames())
        {
            string? value = rdn.HasMultipleElements ? null : rdn.GetSingleElementValue();
            if (value is not null)
            {
                parts.TryAdd(rdn.GetSingleElementType().Value ?? "", value);
            }
        }

        return parts;
    }
}

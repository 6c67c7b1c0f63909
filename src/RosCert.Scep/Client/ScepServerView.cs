using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Scep.Wire;

namespace RosCert.Scep.Client;

/// <summary>
/// What a client learns from GetCACaps and GetCACert (RFC 8894 §3.5, §4.2): the capabilities, the
/// CA, the certificate to encrypt to (an RA when there is one) and the algorithms to use.
/// </summary>
public sealed class ScepServerView
{
    private ScepServerView(IReadOnlySet<string> capabilities, X509Certificate2 ca, X509Certificate2 recipient, IReadOnlyList<X509Certificate2> all)
    {
        Capabilities = capabilities;
        Ca = ca;
        Recipient = recipient;
        Certificates = all;
    }

    public IReadOnlySet<string> Capabilities { get; }

    public X509Certificate2 Ca { get; }

    /// <summary>The RA, or the CA itself when there is no RA: requests are encrypted to it and replies signed by it.</summary>
    public X509Certificate2 Recipient { get; }

    public IReadOnlyList<X509Certificate2> Certificates { get; }

    /// <summary>SHA-256 of the CA certificate, lower-case hex (what <c>ca-fingerprint</c> shows).</summary>
    public string CaFingerprint => Convert.ToHexStringLower(SHA256.HashData(Ca.RawData));

    public bool UsePost => Has("POSTPKIOperation") || Has("SCEPStandard");

    public bool Renewal => Has("Renewal") || Has("SCEPStandard");

    public bool NextCa => Has("GetNextCACert");

    /// <summary>AES and SHA-256 when offered (or implied by SCEPStandard), else 3DES, DES and SHA-1, MD5 (reference §6.1).</summary>
    public ScepAlgorithmChoice Algorithms
    {
        get
        {
            ScepCipher cipher = Has("AES") || Has("SCEPStandard") ? ScepCipher.Aes128 : Has("DES3") ? ScepCipher.TripleDes : ScepCipher.Des;
            DigestAlgorithm digest = Has("SHA-256") || Has("SCEPStandard") ? DigestAlgorithm.Sha256
                : Has("SHA-512") ? DigestAlgorithm.Sha512
                : Has("SHA-1") ? DigestAlgorithm.Sha1
                : DigestAlgorithm.Md5;
            return new ScepAlgorithmChoice(cipher, digest);
        }
    }

    private bool Has(string capability) => Capabilities.Contains(capability);

    public static ScepServerView Fetch(ScepHttp http, string url, string? caIdentity)
    {
        ScepHttpReply caps = http.Get(url, "GetCACaps");
        var capabilities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (caps.StatusCode == 200)
        {
            foreach (string line in System.Text.Encoding.ASCII.GetString(caps.Body).Split('\n'))
            {
                if (line.Trim() is { Length: > 0 } capability)
                {
                    capabilities.Add(capability);
                }
            }
        }

        string operation = string.IsNullOrEmpty(caIdentity) ? "GetCACert" : "GetCACert&message=" + Uri.EscapeDataString(caIdentity);
        ScepHttpReply reply = http.Get(url, operation);
        if (reply.StatusCode != 200 || reply.Body.Length == 0)
        {
            throw new ScepException($"GetCACert failed with HTTP {reply.StatusCode}");
        }

        return From(capabilities, reply);
    }

    private static ScepServerView From(IReadOnlySet<string> capabilities, ScepHttpReply reply)
    {
        List<X509Certificate2> certificates;
        try
        {
            certificates = reply.ContentType.Contains("ra-cert", StringComparison.OrdinalIgnoreCase) || reply.Body[0] == 0x30 && IsBundle(reply.Body)
                ? [.. CertsOnly.Read(reply.Body).Certificates.Select(X509CertificateLoader.LoadCertificate)]
                : [X509CertificateLoader.LoadCertificate(reply.Body)];
        }
        catch (CryptographicException error)
        {
            throw new ScepException("GetCACert returned no certificate: " + error.Message, error);
        }

        return Of(capabilities, certificates);
    }

    /// <summary>A view from capabilities and GetCACert certificates kept from an earlier fetch (the forwarding RA caches them).</summary>
    public static ScepServerView Of(IReadOnlySet<string> capabilities, IReadOnlyList<X509Certificate2> certificates)
    {
        if (certificates.Count == 0)
        {
            throw new ScepException("GetCACert returned no certificate");
        }

        X509Certificate2 ca = certificates.FirstOrDefault(IsAuthority) ?? certificates[0];
        X509Certificate2 recipient = certificates.FirstOrDefault(c => !IsAuthority(c)) ?? ca;
        return new ScepServerView(capabilities, ca, recipient, certificates);
    }

    /// <summary>A CA certificate (basicConstraints cA), as opposed to an RA certificate.</summary>
    public static bool IsAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);

    private static bool IsBundle(byte[] body)
    {
        try
        {
            _ = CertsOnly.Read(body);
            return true;
        }
        catch (ScepException)
        {
            return false;
        }
    }
}

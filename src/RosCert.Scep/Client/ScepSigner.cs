using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RosCert.Scep.Client;

/// <summary>The transient self-signed certificate a new client signs its first request with (RFC 8894 §2.3).</summary>
public static class ScepSigner
{
    public static X509Certificate2 SelfSigned(RSA key, X500DistinguishedName subject, DateTimeOffset now)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}

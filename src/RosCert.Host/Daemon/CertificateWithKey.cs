using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RosCert.Host.Daemon;

/// <summary>Pairs a DER certificate with its PKCS#8 key for TLS, without touching any key store on disk.</summary>
internal static class CertificateWithKey
{
    public static X509Certificate2 Create(byte[] der, byte[] pkcs8)
    {
        using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return certificate.CopyWithPrivateKey(rsa);
        }
        catch (CryptographicException)
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return certificate.CopyWithPrivateKey(ecdsa);
        }
    }
}

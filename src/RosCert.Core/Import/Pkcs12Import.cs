using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RosCert.Core.Import;

/// <summary>
/// PKCS#12 (RFC 7292) through .NET's loader with explicit limits, so that a file asking for absurd KDF
/// iteration counts is refused before any derivation runs. Keys stay ephemeral (never persisted, the
/// user's X509 stores are not touched) and come out as PKCS#8. Any failure, wrong passphrase or a
/// damaged or over-limit file, is one decryption failure and nothing of the file is returned.
/// </summary>
internal static class Pkcs12Import
{
    private const X509KeyStorageFlags Flags = X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable;

    private static readonly Pkcs12LoaderLimits s_limits = new()
    {
        MacIterationLimit = KeyForms.MaxKdfIterations,
        IndividualKdfIterationLimit = KeyForms.MaxKdfIterations,
        TotalKdfIterationLimit = 4 * KeyForms.MaxKdfIterations,
        MaxCertificates = 1000,
        MaxKeys = 100,
        PreserveKeyName = false,
        PreserveCertificateAlias = false,
        PreserveStorageProvider = false,
        PreserveUnknownAttributes = false,
    };

    public static void Read(byte[] pfx, string? passphrase, ImportCollector collector)
    {
        X509Certificate2Collection? certificates = Load(pfx, passphrase);
        if (certificates is null)
        {
            collector.Fail();
            return;
        }

        try
        {
            // The loader lists the bags last to first (as Windows' PFXImportCertStore does); file order is the reverse.
            foreach (X509Certificate2 certificate in certificates.Reverse())
            {
                collector.AddCertificate(certificate.RawData, decrypted: true);
                if (certificate.HasPrivateKey && ExportKey(certificate) is byte[] key)
                {
                    collector.AddKey(key, decrypted: true);
                }
            }
        }
        finally
        {
            foreach (X509Certificate2 certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    /// <summary>
    /// An empty passphrase has two encodings (RFC 7292 §B.1): the empty string, as BMPString just the
    /// two-byte terminator (<c>openssl -passout pass:</c>), and no password at all (zero bytes).
    /// A missing or empty passphrase tries both, like RouterOS's <c>passphrase=""</c>.
    /// </summary>
    private static X509Certificate2Collection? Load(byte[] pfx, string? passphrase)
    {
        if (!string.IsNullOrEmpty(passphrase))
        {
            return TryLoad(pfx, passphrase);
        }

        return TryLoad(pfx, "") ?? TryLoad(pfx, null);
    }

    private static X509Certificate2Collection? TryLoad(byte[] pfx, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12Collection(pfx, password, Flags, s_limits);
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            // Wrong password, unsupported cipher or EC curve, damaged bags, or Pkcs12LoadLimitExceededException.
            return null;
        }
    }

    private static byte[]? ExportKey(X509Certificate2 certificate)
    {
        try
        {
            using AsymmetricAlgorithm? key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey();
            return key?.ExportPkcs8PrivateKey();
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            return null;
        }
    }
}

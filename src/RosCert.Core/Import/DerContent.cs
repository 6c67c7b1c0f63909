using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RosCert.Core.Import;

/// <summary>
/// Adds one classified DER element to a file's collector: the same code serves a DER file and the
/// body of every PEM block, so a PEM label that does not match its content (a PKCS#7 bundle under
/// <c>CERTIFICATE</c>, a trusted certificate with OpenSSL's trailing trust settings) still reads.
/// </summary>
internal static class DerContent
{
    /// <param name="ecParameters">The last <c>EC PARAMETERS</c> block before this one, or empty.</param>
    /// <param name="decrypted">Whether the element came out of decrypted content (legacy PEM encryption).</param>
    public static void Add(DerKind kind, ReadOnlyMemory<byte> der, string? passphrase, ReadOnlySpan<byte> ecParameters, bool decrypted, ImportCollector collector)
    {
        switch (kind)
        {
            case DerKind.Certificate:
                AddCertificate(der, decrypted, collector);
                break;
            case DerKind.Crl:
                collector.AddCrl(der.ToArray(), decrypted);
                break;
            case DerKind.Pkcs7:
                AddBundle(der, decrypted, collector);
                break;
            case DerKind.Pkcs12:
                Pkcs12Import.Read(der.ToArray(), passphrase, collector);
                break;
            case DerKind.EncryptedPkcs8:
                AddEncryptedKey(der, passphrase, collector);
                break;
            default:
                AddKey(KeyOf(kind, der, ecParameters), decrypted, collector);
                break;
        }
    }

    /// <summary>A clear private key in any of its three DER forms as PKCS#8; null for other kinds, algorithms or damage.</summary>
    public static byte[]? KeyOf(DerKind kind, ReadOnlyMemory<byte> der, ReadOnlySpan<byte> ecParameters) => kind switch
    {
        DerKind.Pkcs8 => KeyForms.FromPkcs8(der),
        DerKind.RsaPrivateKey => KeyForms.FromRsaPrivateKey(der.Span),
        DerKind.EcPrivateKey => KeyForms.FromEcPrivateKey(der.Span, ecParameters),
        _ => null,
    };

    private static void AddKey(byte[]? pkcs8, bool decrypted, ImportCollector collector)
    {
        if (pkcs8 is not null)
        {
            collector.AddKey(pkcs8, decrypted);
        }
    }

    /// <summary>
    /// Only certificates that .NET can load are kept: anything else would fail later in the store. A plain DER
    /// certificate (nearly all) is one OpenSSL loads and gives back unchanged, so it is kept without that parse
    /// (decision 0085); the rest are loaded and kept as OpenSSL encodes them.
    /// </summary>
    private static void AddCertificate(ReadOnlyMemory<byte> der, bool decrypted, ImportCollector collector)
    {
        if (PlainCertificate.Check(der))
        {
            collector.AddCertificate(der.ToArray(), decrypted);
            return;
        }

        try
        {
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der.Span);
            collector.AddCertificate(certificate.RawData, decrypted);
        }
        catch (CryptographicException)
        {
            // A damaged certificate is skipped like a damaged PEM block.
        }
    }

    private static void AddBundle(ReadOnlyMemory<byte> der, bool decrypted, ImportCollector collector)
    {
        try
        {
            (List<ReadOnlyMemory<byte>> certificates, List<ReadOnlyMemory<byte>> crls) = Pkcs7Bundle.Read(der);
            foreach (ReadOnlyMemory<byte> certificate in certificates)
            {
                AddCertificate(certificate, decrypted, collector);
            }

            foreach (ReadOnlyMemory<byte> crl in crls)
            {
                if (DerClassifier.Classify(crl, out ReadOnlyMemory<byte> element) == DerKind.Crl)
                {
                    collector.AddCrl(element.ToArray(), decrypted);
                }
            }
        }
        catch (AsnContentException)
        {
            // A damaged bundle is skipped; what was read before the damage stays.
        }
    }

    /// <summary>PKCS#8 EncryptedPrivateKeyInfo: a missing or wrong passphrase is the file's decryption failure.</summary>
    private static void AddEncryptedKey(ReadOnlyMemory<byte> der, string? passphrase, ImportCollector collector)
    {
        byte[]? pkcs8 = KeyForms.DecryptPkcs8(der, passphrase);
        if (pkcs8 is null)
        {
            collector.Fail();
            return;
        }

        AddKey(KeyForms.FromPkcs8(pkcs8), decrypted: true, collector);
    }
}

using System.Text;

namespace RosCert.Core.Import;

/// <summary>
/// The content-detecting reader behind <c>/certificate import</c> (reference §2.9): PEM, DER,
/// PKCS#7, PKCS#8 and PKCS#12, recognised by their bytes, never by the file name.
/// </summary>
public static class ImportReader
{
    public const int MaxFileSize = 16 * 1024 * 1024;

    private const string NothingUsable = "file does not contain certificates, keys or CRLs";

    /// <summary>
    /// Every certificate, private key and CRL of one file. A missing or wrong
    /// <paramref name="passphrase"/> for encrypted content gives <see cref="ImportResult.DecryptionFailures"/> 1
    /// and leaves that content out. Throws nothing but <see cref="ImportFormatException"/>.
    /// </summary>
    public static ImportResult Read(ReadOnlySpan<byte> content, string? passphrase)
    {
        CheckSize(content);
        var collector = new ImportCollector();
        byte[] bytes = content.ToArray();
        DerKind kind = DerClassifier.Classify(bytes, out ReadOnlyMemory<byte> element);
        if (kind == DerKind.Unknown)
        {
            PemImport.Read(Text(bytes), passphrase, collector);
        }
        else
        {
            DerContent.Add(kind, element, passphrase, [], decrypted: false, collector);
        }

        return collector.ToResult() ?? throw new ImportFormatException(NothingUsable);
    }

    /// <summary>Whether reading needs a passphrase: encrypted keys (PKCS#8 or legacy PEM) or a PKCS#12.</summary>
    public static bool HasEncryptedContent(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxFileSize)
        {
            return false;
        }

        byte[] bytes = content.ToArray();
        return DerClassifier.Classify(bytes, out _) switch
        {
            DerKind.Unknown => PemImport.HasEncryptedContent(Text(bytes)),
            DerKind.EncryptedPkcs8 or DerKind.Pkcs12 => true,
            _ => false,
        };
    }

    private static void CheckSize(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxFileSize)
        {
            throw new ImportFormatException($"file is larger than {MaxFileSize / (1024 * 1024)} MiB");
        }
    }

    /// <summary>PEM is ASCII (RFC 7468 §2); Latin-1 maps every byte to one char, so any bytes decode.</summary>
    private static string Text(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}

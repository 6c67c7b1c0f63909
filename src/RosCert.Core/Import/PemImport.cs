using RosCert.Codecs.Pem;

namespace RosCert.Core.Import;

/// <summary>
/// PEM text (RFC 7468, and RFC 1421 §4.6 headers of OpenSSL's legacy encrypted keys) with any mix of
/// certificates, CRLs, PKCS#7 bundles and private keys. Each block's body is classified by content;
/// labels only matter for legacy encrypted keys and <c>EC PARAMETERS</c>. Damaged blocks are skipped.
/// </summary>
internal static class PemImport
{
    private const string BeginMarker = "-----BEGIN ";

    public static void Read(string text, string? passphrase, ImportCollector collector)
    {
        byte[] ecParameters = [];
        foreach (PemBlock block in Blocks(text))
        {
            if (!block.IsValid)
            {
                continue;
            }

            if (block.Label == "EC PARAMETERS")
            {
                ecParameters = block.Data;
            }
            else if (LegacyPemKey.IsEncrypted(block))
            {
                ReadLegacyKey(block, passphrase, ecParameters, collector);
            }
            else
            {
                DerKind kind = DerClassifier.Classify(block.Data, out ReadOnlyMemory<byte> element);
                DerContent.Add(kind, element, passphrase, ecParameters, decrypted: false, collector);
            }
        }
    }

    /// <summary>Whether any block is encrypted: a legacy key, an EncryptedPrivateKeyInfo or a PKCS#12.</summary>
    public static bool HasEncryptedContent(string text) =>
        Blocks(text).Any(block => block.IsValid &&
            (LegacyPemKey.IsEncrypted(block) || DerClassifier.Classify(block.Data, out _) is DerKind.EncryptedPkcs8 or DerKind.Pkcs12));

    /// <summary>
    /// <see cref="PemFile.ReadAll"/> on each stretch of text from one BEGIN line to the next. A block
    /// never spans a BEGIN line, so the result is the same, but the END search stays inside one
    /// stretch: a file of many BEGIN lines without END lines reads in linear, not quadratic, time.
    /// </summary>
    private static IEnumerable<PemBlock> Blocks(string text)
    {
        int begin = text.IndexOf(BeginMarker, StringComparison.Ordinal);
        while (begin >= 0)
        {
            int next = text.IndexOf(BeginMarker, begin + BeginMarker.Length, StringComparison.Ordinal);
            string stretch = next < 0 ? text[begin..] : text[begin..next];
            foreach (PemBlock block in PemFile.ReadAll(stretch))
            {
                yield return block;
            }

            begin = next;
        }
    }

    /// <summary>
    /// <c>Proc-Type: 4,ENCRYPTED</c> PKCS#1 or SEC1 keys. A wrong passphrase shows as bad padding or,
    /// one time in 256, as padding that passes over garbage the key parser then rejects.
    /// </summary>
    private static void ReadLegacyKey(PemBlock block, string? passphrase, byte[] ecParameters, ImportCollector collector)
    {
        DerKind kind = block.Label switch
        {
            "RSA PRIVATE KEY" => DerKind.RsaPrivateKey,
            "EC PRIVATE KEY" => DerKind.EcPrivateKey,
            "PRIVATE KEY" => DerKind.Pkcs8,
            _ => DerKind.Unknown, // DSA and other keys RouterOS cannot hold: skipped, not a failure
        };
        if (kind == DerKind.Unknown)
        {
            return;
        }

        if (passphrase is null || !LegacyPemKey.TryDecrypt(block, passphrase, out byte[]? plaintext) ||
            DerContent.KeyOf(kind, plaintext, ecParameters) is not byte[] pkcs8)
        {
            collector.Fail();
            return;
        }

        collector.AddKey(pkcs8, decrypted: true);
    }
}

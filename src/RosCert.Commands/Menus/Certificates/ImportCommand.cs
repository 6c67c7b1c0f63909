using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Files;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Import;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Revocation;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>import file-name=&lt;f&gt; [passphrase=] [name=] [trusted=] [trust-store=] [no-key-export=]</c>
/// (reference §2.9, §8 "Import parser"): every format <see cref="ImportReader"/> knows, detected by
/// content. A certificate already stored (same fingerprint) is not added again; a key attaches to
/// the certificates with its public key, whether they came in the same file, earlier, or later (a
/// key without one waits sealed and is counted in <c>keys-with-no-certificate</c>). One write
/// transaction: the counters printed are what the store holds.
/// </summary>
public static class ImportCommand
{
    public static CommandResult Run(Invocation invocation)
    {
        string fileName = FileNames.Resolve(invocation, "file-name", invocation.Text("file-name")!);
        byte[] content = invocation.Environment.Files.Read(fileName, invocation.Session.LocalFileAccess);
        string? passphrase = invocation.Text("passphrase");
        if (passphrase is null && invocation.Session.AskSecret is { } ask && ImportReader.HasEncryptedContent(content))
        {
            passphrase = ask("passphrase: ");
        }

        ImportResult read;
        try
        {
            read = ImportReader.Read(content, passphrase);
        }
        catch (ImportFormatException error)
        {
            throw Errors.Failure(error.Message);
        }

        var options = new ImportOptions(invocation, Path.GetFileName(fileName));
        Counters counters;
        try
        {
            counters = invocation.Environment.Store.Write(writer => Store(invocation, writer, read, options));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A certificate that parses but has a damaged extension (an AKID that is not valid DER,
            // found by fuzzing: Fuzz/corpus/import/malformed-akid.pem) fails the whole import: nothing is stored.
            throw Errors.Failure("file contains a damaged certificate");
        }

        return Report(counters, read.DecryptionFailures);
    }

    private static Counters Store(Invocation invocation, IStoreWriter writer, ImportResult read, ImportOptions options)
    {
        var counters = new Counters();
        foreach (byte[] der in read.Certificates)
        {
            if (writer.CertificateByFingerprint(Fingerprint(der)) is null && ImportedEntry.From(invocation, writer, der, options) is { } entry)
            {
                writer.Insert(AttachPendingKey(writer, entry));
                CrlEntries.AddDynamic(writer, entry);
                counters.Certificates++;
            }
        }

        counters.Crls = read.Crls.Count(crl => StoreCrl(invocation, writer, crl));

        foreach (byte[] key in read.PrivateKeys)
        {
            string hash = KeyMaterial.PublicKeyHash(KeyMaterial.SubjectPublicKeyInfo(key));
            IReadOnlyList<CertificateEntry> owners = writer.CertificatesByPublicKey(hash);
            SealedKey sealedKey = invocation.Environment.Keys.Seal(key);
            if (owners.Count == 0)
            {
                writer.PutPendingKey(hash, sealedKey);
                counters.KeysWithoutCertificate++;
                continue;
            }

            foreach (CertificateEntry owner in owners.Where(o => o.PrivateKey is null))
            {
                writer.Update(owner with { PrivateKey = sealedKey, NoKeyExport = options.NoKeyExport });
            }

            counters.Keys++;
        }

        return counters;
    }

    /// <summary>A CRL of the file becomes a <c>/certificate/crl</c> entry (RosCert extra); one already there is not added again.</summary>
    private static bool StoreCrl(Invocation invocation, IStoreWriter writer, byte[] der)
    {
        CrlInfo info;
        try
        {
            (der, info) = CrlDownload.Read(writer, der);
        }
        catch (System.Security.Cryptography.CryptographicException error)
        {
            invocation.Session.Output.Line($"warning: CRL skipped: {error.Message}");
            return false;
        }

        if (CrlEntries.All(writer).Any(e => e.Url.Length == 0 && e.Data?.Info.Fingerprint == info.Fingerprint))
        {
            return false;
        }

        CrlDownload.Store(invocation.Environment, writer, entryId: null, der, info, downloaded: false);
        return true;
    }

    private static CertificateEntry AttachPendingKey(IStoreWriter writer, CertificateEntry entry)
    {
        if (entry.PublicKeyHash is not { } hash || writer.PendingKey(hash) is not { } waiting)
        {
            return entry;
        }

        writer.DeletePendingKey(hash);
        return entry with { PrivateKey = waiting };
    }

    private static string Fingerprint(byte[] der) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(der));

    /// <summary>The five counters in RouterOS's order, labels right-aligned, then an empty line (reference §4.10).</summary>
    private static RecordResult Report(Counters counters, int decryptionFailures)
    {
        bool imported = counters.Certificates + counters.Keys + counters.KeysWithoutCertificate + counters.Crls > 0;
        return new RecordResult(
        [
            new("certificates-imported", RosValue.Of(counters.Certificates)),
            new("private-keys-imported", RosValue.Of(counters.Keys)),
            new("files-imported", RosValue.Of(imported ? 1 : 0)),
            new("decryption-failures", RosValue.Of(decryptionFailures)),
            new("keys-with-no-certificate", RosValue.Of(counters.KeysWithoutCertificate)),
        ])
        {
            BlankLineAfter = true,
        };
    }

    private sealed class Counters
    {
        public int Certificates { get; set; }

        public int Keys { get; set; }

        public int KeysWithoutCertificate { get; set; }

        public int Crls { get; set; }
    }
}

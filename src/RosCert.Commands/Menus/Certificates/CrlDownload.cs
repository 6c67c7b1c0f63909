using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Commands.Execution;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Revocation;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// Fills <c>/certificate/crl</c> entries with CRLs (reference §1.7, §2.16): downloads them (HTTP only,
/// only for a trusted certificate's distribution point or an entry added by hand), verifies each
/// against its issuer among the stored certificates (by authority key id, else issuer name; one that
/// does not verify is kept but flagged I and never used), and keeps the bytes where
/// <c>crl-store</c> says. Each download happens outside any transaction; the result is stored in a
/// short write transaction.
/// </summary>
public static class CrlDownload
{
    public const string NotACrl = "the answer is not a valid X509 CRL";

    /// <summary>Downloads the entries <paramref name="due"/> selects (all by default); returns one line per entry that failed.</summary>
    public static IReadOnlyList<string> Run(CommandEnvironment environment, Func<CrlEntry, bool>? due = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        // Each due entry with the certificate it belongs to, read by id: a round does not read every
        // certificate (the daemon runs one per tick while crl-download=yes).
        (CrlEntry Entry, CertificateEntry? Owner)[] work = environment.Store.Read(r => CrlEntries.All(r)
            .Where(e => e.Url.Length > 0 && (due?.Invoke(e) ?? true))
            .Select(e => (e, e.CertId is { } id ? r.Certificate(id) : null))
            .ToArray());
        var problems = new List<string>();
        foreach ((CrlEntry entry, CertificateEntry? owner) in work)
        {
            if (Refusal(entry, owner) is { } refusal)
            {
                problems.Add($"{entry.Url}: {refusal}");
                continue;
            }

            try
            {
                Accept(environment, entry.Id, CrlFetcher.Fetch(entry.Url, environment.CrlFetch), downloaded: true);
            }
            catch (CrlFetchException error)
            {
                problems.Add($"{entry.Url}: {error.Message}");
                MarkFailed(environment, entry.Id, error.Message);
            }
            catch (CryptographicException)
            {
                problems.Add($"{entry.Url}: {NotACrl}");
                MarkFailed(environment, entry.Id, NotACrl);
            }
            catch (IOException error)
            {
                problems.Add($"{entry.Url}: the CRL could not be kept: {error.Message}");
                MarkFailed(environment, entry.Id, error.Message);
            }
        }

        return problems;
    }

    /// <summary>Why an entry is not downloaded: a URL that is not http://, or a certificate that is not trusted.</summary>
    public static string? Refusal(CrlEntry entry, CertificateEntry? owner)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (CrlFetcher.Refusal(entry.Url) is { } refusal)
        {
            return refusal;
        }

        return owner is { EffectiveTrusted: false } ? $"certificate {owner.Name} is not trusted" : null;
    }

    /// <summary>
    /// Reads a CRL and stores it in an entry (an existing one, or with <paramref name="entryId"/> null a
    /// new imported one). Downloaded bytes go where <c>crl-store</c> says; imported ones into the store.
    /// </summary>
    /// <exception cref="CryptographicException">The bytes are not a CRL.</exception>
    public static void Accept(CommandEnvironment environment, ItemId? entryId, byte[] derOrPem, bool downloaded)
    {
        ArgumentNullException.ThrowIfNull(environment);
        byte[] der = ToDer(derOrPem);
        CrlInfo info = environment.Store.Read(r => CrlReader.ReadWithIssuers(der, (akid, issuer) => IssuerCandidates(r, akid, issuer)));
        environment.Store.Write(writer =>
        {
            Store(environment, writer, entryId, der, info, downloaded);
            return 0;
        });
    }

    /// <summary>Stores a read CRL inside the caller's write transaction (the import command's).</summary>
    public static void Store(CommandEnvironment environment, IStoreWriter writer, ItemId? entryId, byte[] der, CrlInfo info, bool downloaded)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(info);
        CrlEntry? current = entryId is { } id ? CrlEntries.All(writer).FirstOrDefault(e => e.Id == id) : null;
        if (entryId is not null && current is null)
        {
            return; // removed while downloading
        }

        string keeping = downloaded && environment.CrlCache is not null && CrlSettings.Store(writer) == CrlKeeping.Ram ? CrlKeeping.Ram : CrlKeeping.System;
        if (keeping == CrlKeeping.Ram)
        {
            environment.CrlCache!.Write(info.Fingerprint, der);
        }
        else
        {
            writer.PutCrlBytes(info.Fingerprint, der);
        }

        CrlEntry updated = current is null
            ? new CrlEntry(writer.AllocateId(CrlEntries.Menu), "", null, false, new CrlData(info, keeping), null)
            : current with { Data = new CrlData(info, keeping), Failure = null };
        writer.PutItem(CrlEntries.ToRecord(updated));
        if (current?.Data is { } old && old.Info.Fingerprint != info.Fingerprint)
        {
            CrlEntries.DropBytesIfUnused(writer, old);
        }
    }

    /// <summary>Reads a CRL for <see cref="Store"/>, with its signature checked against the stored certificates.</summary>
    public static (byte[] Der, CrlInfo Info) Read(IStoreReader reader, byte[] derOrPem)
    {
        byte[] der = ToDer(derOrPem);
        return (der, CrlReader.ReadWithIssuers(der, (akid, issuer) => IssuerCandidates(reader, akid, issuer)));
    }

    /// <summary>Stored certificates that may have signed a CRL: by subject key id, else by subject name.</summary>
    private static IEnumerable<byte[]> IssuerCandidates(IStoreReader reader, string? akid, string issuer)
    {
        IEnumerable<CertificateEntry> candidates = akid is not null
            ? reader.CertificatesBySkid(akid)
            : reader.Certificates().Where(c => c.Der is not null && SubjectOf(c.Der) == issuer);
        return candidates.Where(c => c.Der is not null).Select(c => c.Der!);
    }

    private static string SubjectOf(byte[] der)
    {
        using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
        return DistinguishedNames.Format(certificate.SubjectName);
    }

    private static byte[] ToDer(byte[] derOrPem)
    {
        try
        {
            return CrlReader.ToDer(derOrPem);
        }
        catch (FormatException error)
        {
            throw new CryptographicException(error.Message, error);
        }
    }

    private static void MarkFailed(CommandEnvironment environment, ItemId id, string failure) =>
        environment.Store.Write(writer =>
        {
            if (CrlEntries.All(writer).FirstOrDefault(e => e.Id == id) is { } entry)
            {
                writer.PutItem(CrlEntries.ToRecord(entry with { Failure = failure }));
            }

            return 0;
        });
}

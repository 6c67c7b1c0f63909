using RosCert.Core.Model;

namespace RosCert.Core.Ports;

/// <summary>
/// The persistent store. Every command runs in exactly one transaction: <see cref="Read{T}"/> for
/// queries (which never mutate) and <see cref="Write{T}"/> for changes (<c>BEGIN IMMEDIATE</c>,
/// committed when the delegate returns, rolled back when it throws).
/// </summary>
public interface IStore : IDisposable
{
    T Read<T>(Func<IStoreReader, T> read);

    T Write<T>(Func<IStoreWriter, T> write);

    /// <summary>A number that changes whenever any process commits a change (for the daemon's caches).</summary>
    long ChangeVersion();
}

public interface IStoreReader
{
    /// <summary>Every <c>/certificate</c> entry in id order (the RouterOS list order).</summary>
    IReadOnlyList<CertificateEntry> Certificates();

    /// <summary>How many <c>/certificate</c> entries there are (templates included), without reading them.</summary>
    int CertificateCount();

    CertificateEntry? Certificate(ItemId id);

    CertificateEntry? CertificateByName(string name);

    /// <summary>The certificate with this SHA-256 fingerprint (lower-case hex), if stored.</summary>
    CertificateEntry? CertificateByFingerprint(string fingerprint);

    /// <summary>Certificates whose public key has this hash (<see cref="CertificateEntry.PublicKeyHash"/>).</summary>
    IReadOnlyList<CertificateEntry> CertificatesByPublicKey(string publicKeyHash);

    /// <summary>A sealed key imported before its certificate, by public key hash.</summary>
    SealedKey? PendingKey(string publicKeyHash);

    /// <summary>How many imported keys still wait for their certificate.</summary>
    int PendingKeyCount();

    /// <summary>The signed certificates with this subject key identifier (upper-case hex).</summary>
    IReadOnlyList<CertificateEntry> CertificatesBySkid(string skid);

    /// <summary>
    /// The entries a SCEP or ACME client manages (<see cref="CertificateEntry.Management"/> set), in id
    /// order: the daemon's work lists, read without the other entries (the SQLite store answers from a
    /// partial index, so an idle daemon's tick does not grow with the store).
    /// </summary>
    IReadOnlyList<CertificateEntry> ManagedCertificates() => [.. Certificates().Where(c => c.Management is not null)];

    /// <summary>
    /// The entries that can sign a CRL: signed, holding their private key, with crl-sign (reference
    /// §1.7), in id order; read through a partial index by the SQLite store.
    /// </summary>
    IReadOnlyList<CertificateEntry> CrlSigners() =>
        [.. Certificates().Where(c => !c.IsTemplate && c.PrivateKey is not null && (c.KeyUsage & KeyUsage.CrlSign) != 0)];

    /// <summary>The stored CRL of a local CA, if any.</summary>
    CrlRecord? Crl(ItemId caId);

    /// <summary>Every stored CRL (to find stale or expiring ones).</summary>
    IReadOnlyList<CrlRecord> Crls();

    /// <summary>The certificates a CA revoked, in serial order, read lazily (millions stream through).</summary>
    IEnumerable<RevokedSerial> RevokedBy(ItemId caId);

    /// <summary>How many certificates a CA revoked.</summary>
    long RevokedCount(ItemId caId);

    /// <summary>
    /// A mark of the last committed write of any process, as this transaction sees it; null where the store
    /// keeps none. Two transactions that read the same mark saw the same committed state (the CRL rebuild
    /// tells with it, in O(1), that no revocation came in while it read the revoked list).
    /// </summary>
    long? CommitMark() => null;

    /// <summary>The number of a local CA's stored CRL, without reading its bytes; null when none is stored.</summary>
    long? CrlNumber(ItemId caId) => Crl(caId)?.Number;

    /// <summary>
    /// The certificates a CA revoked, in serial order, each handed to <paramref name="row"/> as the store
    /// holds it (the SQLite store allocates nothing per row); returns how many.
    /// </summary>
    long ReadRevoked(ItemId caId, RevokedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        long count = 0;
        foreach (RevokedSerial serial in RevokedBy(caId))
        {
            row(System.Text.Encoding.UTF8.GetBytes(serial.SerialNumber), serial.RevokedAt.ToUnixTimeSeconds(), System.Text.Encoding.UTF8.GetBytes(serial.Reason ?? ""));
            count++;
        }

        return count;
    }

    /// <summary>Whether a certificate with this serial number was issued under this authority key id.</summary>
    bool SerialInUse(string akid, string serialNumber);

    /// <summary>A sealed secret by name (e.g. an ACME account key), if stored.</summary>
    SealedKey? Secret(string name);

    /// <summary>The bytes of a downloaded or imported CRL kept in the store, by SHA-256 fingerprint (lower-case hex).</summary>
    byte[]? CrlBytes(string fingerprint);

    /// <summary>A property of a single-record menu (<c>/system/identity</c>, <c>/system/clock</c>, …); null when unset.</summary>
    string? Setting(string menu, string property);

    /// <summary>Items of a generic list menu (<c>/ip/service</c>, <c>/user</c>, …) in id order.</summary>
    IReadOnlyList<ItemRecord> Items(string menu);

    /// <summary>
    /// Items of a generic list menu whose <paramref name="property"/> equals <paramref name="value"/>, in
    /// id order; the SQLite store answers from an index where it has one (the SCEP server's lookups).
    /// </summary>
    IReadOnlyList<ItemRecord> ItemsWhere(string menu, string property, string value) =>
        [.. Items(menu).Where(item => item.Properties.GetValueOrDefault(property) == value)];
}

public interface IStoreWriter : IStoreReader
{
    /// <summary>Allocates the next id of a menu; ids only grow and are never reused.</summary>
    ItemId AllocateId(string menu);

    void Insert(CertificateEntry entry);

    void Update(CertificateEntry entry);

    void DeleteCertificate(ItemId id);

    void SetSetting(string menu, string property, string? value);

    /// <summary>Stores a CRL state (insert or replace).</summary>
    void PutCrl(CrlRecord crl);

    /// <summary>
    /// Stores a CRL state whose bytes (<paramref name="length"/> of them, <see cref="CrlRecord.Der"/> is ignored)
    /// <paramref name="writeDer"/> writes to the stream it is given (the SQLite store: straight into the row).
    /// </summary>
    void PutCrl(CrlRecord crl, long length, Action<Stream> writeDer)
    {
        ArgumentNullException.ThrowIfNull(writeDer);
        using var der = new MemoryStream(checked((int)length));
        writeDer(der);
        PutCrl(crl with { Der = der.ToArray() });
    }

    /// <summary>Marks a local CA's CRL stale (a revocation came in), creating its row when none is stored yet.</summary>
    void MarkCrlStale(ItemId caId) => PutCrl((Crl(caId) ?? new CrlRecord(caId, 0, null, null, null, Stale: true)) with { Stale = true });

    /// <summary>Keeps a sealed key until a certificate with its public key arrives (kept out of sight).</summary>
    void PutPendingKey(string publicKeyHash, SealedKey key);

    void DeletePendingKey(string publicKeyHash);

    /// <summary>Stores a sealed secret under a name (insert or replace).</summary>
    void PutSecret(string name, SealedKey secret);

    void DeleteSecret(string name);

    /// <summary>Keeps the bytes of a downloaded or imported CRL (<c>crl-store=system</c>), by fingerprint.</summary>
    void PutCrlBytes(string fingerprint, byte[] der);

    void DeleteCrlBytes(string fingerprint);

    void PutItem(ItemRecord item);

    void DeleteItem(string menu, ItemId id);
}

/// <summary>An item of a generic list menu: its id, name and string properties.</summary>
public sealed record ItemRecord(string Menu, ItemId Id, string? Name, IReadOnlyDictionary<string, string> Properties);

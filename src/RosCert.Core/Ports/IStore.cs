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

    /// <summary>Whether a certificate with this serial number was issued under this authority key id.</summary>
    bool SerialInUse(string akid, string serialNumber);

    /// <summary>A property of a single-record menu (<c>/system/identity</c>, <c>/system/clock</c>, …); null when unset.</summary>
    string? Setting(string menu, string property);

    /// <summary>Items of a generic list menu (<c>/ip/service</c>, <c>/user</c>, …) in id order.</summary>
    IReadOnlyList<ItemRecord> Items(string menu);
}

public interface IStoreWriter : IStoreReader
{
    /// <summary>Allocates the next id of a menu; ids only grow and are never reused.</summary>
    ItemId AllocateId(string menu);

    void Insert(CertificateEntry entry);

    void Update(CertificateEntry entry);

    void DeleteCertificate(ItemId id);

    void SetSetting(string menu, string property, string? value);

    /// <summary>Keeps a sealed key until a certificate with its public key arrives (kept out of sight).</summary>
    void PutPendingKey(string publicKeyHash, SealedKey key);

    void DeletePendingKey(string publicKeyHash);

    void PutItem(ItemRecord item);

    void DeleteItem(string menu, ItemId id);
}

/// <summary>An item of a generic list menu: its id, name and string properties.</summary>
public sealed record ItemRecord(string Menu, ItemId Id, string? Name, IReadOnlyDictionary<string, string> Properties);

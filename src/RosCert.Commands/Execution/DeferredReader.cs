using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Execution;

/// <summary>
/// A reader for commands that manage their own transactions (slow signing, imports): each call is
/// its own short read transaction, so nothing holds the store while a key is being generated.
/// </summary>
internal sealed class DeferredReader(IStore store) : IStoreReader
{
    public IReadOnlyList<CertificateEntry> Certificates() => store.Read(r => r.Certificates());

    public int CertificateCount() => store.Read(r => r.CertificateCount());

    public CertificateEntry? Certificate(ItemId id) => store.Read(r => r.Certificate(id));

    public CertificateEntry? CertificateByName(string name) => store.Read(r => r.CertificateByName(name));

    public CertificateEntry? CertificateByFingerprint(string fingerprint) => store.Read(r => r.CertificateByFingerprint(fingerprint));

    public IReadOnlyList<CertificateEntry> CertificatesByPublicKey(string publicKeyHash) => store.Read(r => r.CertificatesByPublicKey(publicKeyHash));

    public SealedKey? PendingKey(string publicKeyHash) => store.Read(r => r.PendingKey(publicKeyHash));

    public int PendingKeyCount() => store.Read(r => r.PendingKeyCount());

    public IReadOnlyList<CertificateEntry> CertificatesBySkid(string skid) => store.Read(r => r.CertificatesBySkid(skid));

    public IReadOnlyList<CertificateEntry> ManagedCertificates() => store.Read(r => r.ManagedCertificates());

    public IReadOnlyList<CertificateEntry> CrlSigners() => store.Read(r => r.CrlSigners());

    public CrlRecord? Crl(ItemId caId) => store.Read(r => r.Crl(caId));

    public IReadOnlyList<CrlRecord> Crls() => store.Read(r => r.Crls());

    public IEnumerable<RevokedSerial> RevokedBy(ItemId caId) => store.Read(r => r.RevokedBy(caId).ToArray());

    public long RevokedCount(ItemId caId) => store.Read(r => r.RevokedCount(caId));

    public bool SerialInUse(string akid, string serialNumber) => store.Read(r => r.SerialInUse(akid, serialNumber));

    public SealedKey? Secret(string name) => store.Read(r => r.Secret(name));

    public byte[]? CrlBytes(string fingerprint) => store.Read(r => r.CrlBytes(fingerprint));

    public string? Setting(string menu, string property) => store.Read(r => r.Setting(menu, property));

    public IReadOnlyList<ItemRecord> Items(string menu) => store.Read(r => r.Items(menu));
}

using Microsoft.Data.Sqlite;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Store;
using Xunit;

namespace RosCert.Tests.Store;

/// <summary>
/// The daemon's work lists (<see cref="IStoreReader.ManagedCertificates"/>, <see cref="IStoreReader.CrlSigners"/>):
/// the SQLite store answers exactly what filtering every entry answers, from its partial indexes.
/// </summary>
public sealed class WorkListTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private readonly SqliteStore _store;

    public WorkListTests()
    {
        _store = new SqliteStore(_temp.Combine("store.db"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Managed_entries_and_crl_signers_match_a_filter_of_every_entry()
    {
        CertificateEntry signer = Entries.Signed(1, "ca", null) with { KeyUsage = KeyUsage.KeyCertSign | KeyUsage.CrlSign };
        CertificateEntry[] entries =
        [
            signer,
            Entries.Signed(2, "ca-without-key", null) with { KeyUsage = KeyUsage.CrlSign, PrivateKey = null },
            Entries.Signed(3, "leaf", signer.Id) with { KeyUsage = KeyUsage.DigitalSignature },
            Entries.Template(4, "template") with { KeyUsage = KeyUsage.CrlSign },
            Entries.Signed(5, "scep", null) with { Management = new Management("scep", new Dictionary<string, string> { ["status"] = "idle" }) },
            Entries.Template(6, "acme") with { Management = new Management("acme", new Dictionary<string, string>()) },
            Entries.Signed(7, "second-ca", null) with { KeyUsage = KeyUsage.CrlSign },
        ];
        _store.Write(w =>
        {
            foreach (CertificateEntry entry in entries)
            {
                w.Insert(entry);
            }

            return 0;
        });

        (string[] managed, string[] signers, string[] allManaged, string[] allSigners) = _store.Read(r =>
        {
            var filtered = new FilteringReader(r);
            return (Names(r.ManagedCertificates()), Names(r.CrlSigners()), Names(((IStoreReader)filtered).ManagedCertificates()), Names(((IStoreReader)filtered).CrlSigners()));
        });

        Assert.Equal(["scep", "acme"], managed);
        Assert.Equal(["ca", "second-ca"], signers);
        Assert.Equal(allManaged, managed);
        Assert.Equal(allSigners, signers);
    }

    [Theory]
    [InlineData("managed IS NOT NULL", "certificates_managed")]
    [InlineData("der IS NOT NULL AND private_key IS NOT NULL AND key_usage & 64 != 0", "certificates_crl_signers")]
    public void Work_list_queries_search_their_partial_index(string where, string index)
    {
        using var connection = new SqliteConnection($"Data Source={_store.DatabasePath}");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT id FROM certificates WHERE {where} ORDER BY id";
        using SqliteDataReader plan = command.ExecuteReader();
        Assert.True(plan.Read());
        Assert.Contains("USING INDEX " + index, plan.GetString(3), StringComparison.Ordinal);
    }

    private static string[] Names(IReadOnlyList<CertificateEntry> entries) => [.. entries.Select(e => e.Name)];

    /// <summary>Only <see cref="Certificates"/> is real: the work lists come from the interface's default filters.</summary>
    private sealed class FilteringReader(IStoreReader inner) : IStoreReader
    {
        public IReadOnlyList<CertificateEntry> Certificates() => inner.Certificates();

        public int CertificateCount() => throw new NotSupportedException();

        public CertificateEntry? Certificate(ItemId id) => throw new NotSupportedException();

        public CertificateEntry? CertificateByName(string name) => throw new NotSupportedException();

        public CertificateEntry? CertificateByFingerprint(string fingerprint) => throw new NotSupportedException();

        public IReadOnlyList<CertificateEntry> CertificatesByPublicKey(string publicKeyHash) => throw new NotSupportedException();

        public SealedKey? PendingKey(string publicKeyHash) => throw new NotSupportedException();

        public int PendingKeyCount() => throw new NotSupportedException();

        public IReadOnlyList<CertificateEntry> CertificatesBySkid(string skid) => throw new NotSupportedException();

        public CrlRecord? Crl(ItemId caId) => throw new NotSupportedException();

        public IReadOnlyList<CrlRecord> Crls() => throw new NotSupportedException();

        public IEnumerable<RevokedSerial> RevokedBy(ItemId caId) => throw new NotSupportedException();

        public long RevokedCount(ItemId caId) => throw new NotSupportedException();

        public bool SerialInUse(string akid, string serialNumber) => throw new NotSupportedException();

        public string? Setting(string menu, string property) => throw new NotSupportedException();

        public IReadOnlyList<ItemRecord> Items(string menu) => throw new NotSupportedException();

        public SealedKey? Secret(string name) => throw new NotSupportedException();

        public byte[]? CrlBytes(string fingerprint) => throw new NotSupportedException();
    }
}

using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Revocation;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Revocation;

/// <summary>
/// The CRL rebuild (reference §1.7) reads the revoked list in one transaction and stores the signed CRL in
/// another; a revocation committed in between must leave the stored CRL stale, so that it is rebuilt again.
/// The rebuild tells by the store's commit mark, and counts the CA's revocations only when the mark moved.
/// </summary>
public sealed class CrlRebuildTests : IDisposable
{
    private readonly TestConsole _console = new();

    public CrlRebuildTests()
    {
        Run("/certificate add name=ca common-name=CA key-usage=key-cert-sign,crl-sign");
        Run("/certificate sign ca");
        foreach (string name in new[] { "one", "two", "three" })
        {
            Run($"/certificate add name={name} common-name={name}");
            Run($"/certificate sign {name} ca=ca");
        }

        Run("/certificate issued-revoke one");
    }

    public void Dispose() => _console.Dispose();

    [Fact]
    public void A_rebuild_with_nothing_committed_meanwhile_is_current()
    {
        CrlRecord before = StoredCrl();

        CrlPublisher.Rebuild(_console.Environment, CaId);

        CrlRecord after = StoredCrl();
        Assert.False(after.Stale);
        Assert.Equal(before.Number + 1, after.Number);
        Assert.Equal(1, CrlReader.Read(after.Der!, null).RevokedCount);
    }

    [Fact]
    public void A_revocation_committed_while_the_list_was_read_leaves_the_crl_stale()
    {
        CrlRecord before = StoredCrl();

        CrlPublisher.Rebuild(Interleaved(writer =>
        {
            CertificateEntry two = writer.CertificateByName("two")!;
            writer.Update(two with { Revoked = TestConsole.FixedNow, RevocationReason = "" });
            writer.MarkCrlStale(CaId);
        }), CaId);

        CrlRecord after = StoredCrl();
        Assert.True(after.Stale);
        Assert.Equal(before.Number + 1, after.Number);
        Assert.Equal(1, CrlReader.Read(after.Der!, null).RevokedCount); // the list as it was read; the next rebuild adds "two"
    }

    [Fact]
    public void An_unrelated_commit_meanwhile_is_told_apart_by_counting()
    {
        CrlPublisher.Rebuild(Interleaved(writer => writer.SetSetting("/system/identity", "name", "elsewhere")), CaId);

        Assert.False(StoredCrl().Stale);
    }

    [Fact]
    public void Marking_a_crl_stale_keeps_its_bytes()
    {
        byte[] der = StoredCrl().Der!;

        _console.Environment.Store.Write(w =>
        {
            w.MarkCrlStale(CaId);
            return 0;
        });

        CrlRecord after = StoredCrl();
        Assert.True(after.Stale);
        Assert.Equal(der, after.Der);
    }

    private ItemId CaId => _console.Environment.Store.Read(r => r.CertificateByName("ca")!.Id);

    private CrlRecord StoredCrl() => _console.Environment.Store.Read(r => r.Crl(CaId)!);

    private string Run(string statement) => _console.Run(statement);

    /// <summary>The console's environment whose store commits <paramref name="meanwhile"/> just before the rebuild's write.</summary>
    private CommandEnvironment Interleaved(Action<IStoreWriter> meanwhile)
    {
        CommandEnvironment environment = _console.Environment;
        return new CommandEnvironment
        {
            Store = new InterleavingStore(environment.Store, meanwhile),
            Files = environment.Files,
            Keys = environment.Keys,
            Clock = environment.Clock,
            HostZone = environment.HostZone,
            Catalogue = environment.Catalogue,
            KeySource = environment.KeySource,
            Serials = environment.Serials,
        };
    }

    private sealed class InterleavingStore(IStore inner, Action<IStoreWriter> meanwhile) : IStore
    {
        private bool _done;

        public T Read<T>(Func<IStoreReader, T> read) => inner.Read(read);

        public T Write<T>(Func<IStoreWriter, T> write)
        {
            if (!_done)
            {
                _done = true;
                inner.Write(writer =>
                {
                    meanwhile(writer);
                    return 0;
                });
            }

            return inner.Write(write);
        }

        public long ChangeVersion() => inner.ChangeVersion();

        public void Dispose()
        {
        }
    }
}

using Microsoft.Data.Sqlite;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Store;
using RosCert.Store.IO;
using Xunit;

namespace RosCert.Tests.Store;

public sealed class SqliteStoreTests : IDisposable
{
    private const string Menu = "/certificate";

    private readonly TempDirectory _temp = new();

    private readonly SqliteStore _store;

    public SqliteStoreTests()
    {
        _store = new SqliteStore(_temp.Combine("store.db"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Database_file_is_created_with_mode_0600()
    {
        Assert.Equal(UnixFiles.PrivateFile, UnixFiles.GetMode(_store.DatabasePath));
    }

    [Fact]
    public void Serial_in_use_is_found_per_authority_key()
    {
        CertificateEntry signed = Entries.Signed(1, "server", issuedBy: null);
        _store.Write(w =>
        {
            w.Insert(signed);
            return 0;
        });

        Assert.True(_store.Read(r => r.SerialInUse(signed.Akid!, signed.SerialNumber!)));
        Assert.False(_store.Read(r => r.SerialInUse("00" + signed.Akid![2..], signed.SerialNumber!)));
        Assert.False(_store.Read(r => r.SerialInUse(signed.Akid!, "0000000000000001")));
    }

    [Fact]
    public void Template_and_signed_certificate_round_trip_every_field()
    {
        CertificateEntry ca = Entries.Template(1, "ca");
        CertificateEntry server = Entries.Signed(2, "server", ca.Id);
        CertificateEntry imported = Entries.Signed(3, "imported", null) with { KeySize = KeySize.ForRsaBits(3072), Trusted = null };
        _store.Write(w =>
        {
            w.Insert(ca);
            w.Insert(server);
            w.Insert(imported);
            return 0;
        });

        Entries.AssertSame(ca, _store.Read(r => r.Certificate(ca.Id)));
        Entries.AssertSame(server, _store.Read(r => r.CertificateByName("server")));
        Entries.AssertSame(imported, _store.Read(r => r.Certificate(imported.Id)));
        Assert.Equal("3072", _store.Read(r => r.Certificate(imported.Id))!.KeySize.Name);
    }

    [Fact]
    public void Managed_entry_keeps_its_client_kind_and_properties()
    {
        var management = new Management("scep", new Dictionary<string, string> { ["scep-url"] = "http://127.0.0.1/scep", ["status"] = "pending" });
        CertificateEntry managed = Entries.Template(1, "client") with { Management = management };
        _store.Write(w =>
        {
            w.Insert(managed);
            w.Insert(Entries.Template(2, "plain"));
            return 0;
        });

        Management stored = _store.Read(r => r.Certificate(new ItemId(1)))!.Management!;
        Assert.Equal("scep", stored.Kind);
        Assert.Equal(management.Properties.OrderBy(p => p.Key), stored.Properties.OrderBy(p => p.Key));
        Assert.Null(_store.Read(r => r.Certificate(new ItemId(2)))!.Management);
    }

    [Fact]
    public void Secrets_are_stored_replaced_and_deleted_by_name()
    {
        _store.Write(w =>
        {
            w.PutSecret("acme-account", new SealedKey([1, 2, 3]));
            w.PutSecret("acme-account", new SealedKey([4, 5]));
            return 0;
        });
        Assert.Equal([4, 5], _store.Read(r => r.Secret("acme-account"))!.Bytes);
        Assert.Null(_store.Read(r => r.Secret("other")));

        _store.Write(w =>
        {
            w.DeleteSecret("acme-account");
            return 0;
        });
        Assert.Null(_store.Read(r => r.Secret("acme-account")));
    }

    [Fact]
    public void Certificates_come_back_in_id_order_and_updates_stick()
    {
        _store.Write(w =>
        {
            w.Insert(Entries.Template(5, "e"));
            w.Insert(Entries.Template(2, "b"));
            w.Insert(Entries.Template(9, "z"));
            w.Update(Entries.Template(2, "b2") with { DaysValid = 10 });
            return 0;
        });

        IReadOnlyList<CertificateEntry> all = _store.Read(r => r.Certificates());
        Assert.Equal([2u, 5u, 9u], all.Select(e => e.Id.Value));
        Assert.Equal(10, all[0].DaysValid);
        Assert.Null(_store.Read(r => r.CertificateByName("b")));
    }

    [Fact]
    public void Ids_start_at_one_and_are_never_reused_after_delete()
    {
        ItemId first = _store.Write(w => w.AllocateId(Menu));
        _store.Write(w =>
        {
            w.Insert(Entries.Template(first.Value, "one"));
            return 0;
        });
        _store.Write(w =>
        {
            w.DeleteCertificate(first);
            return 0;
        });
        ItemId second = _store.Write(w => w.AllocateId(Menu));
        ItemId otherMenu = _store.Write(w => w.AllocateId("/user"));

        Assert.Equal(new ItemId(1), first);
        Assert.Equal(new ItemId(2), second);
        Assert.Equal(new ItemId(1), otherMenu);
    }

    [Fact]
    public void Duplicate_certificate_name_throws_the_RouterOS_name_exists_error()
    {
        _store.Write(w =>
        {
            w.Insert(Entries.Template(1, "dup"));
            return 0;
        });

        var error = Assert.Throws<RouterOsException>(() => _store.Write(w =>
        {
            w.Insert(Entries.Template(2, "dup"));
            return 0;
        }));

        Assert.Equal(ErrorKind.Failure, error.Kind);
        Assert.Equal("failure: certificate with the same name already exists", error.Message);
        Assert.Single(_store.Read(r => r.Certificates()));
    }

    [Fact]
    public void Duplicate_item_name_in_one_menu_throws_but_other_menus_may_reuse_it()
    {
        var props = new Dictionary<string, string> { ["port"] = "443", ["disabled"] = "no" };
        _store.Write(w =>
        {
            w.PutItem(new ItemRecord("/ip/service", new ItemId(1), "www-ssl", props));
            w.PutItem(new ItemRecord("/user", new ItemId(1), "www-ssl", props));
            return 0;
        });

        var error = Assert.Throws<RouterOsException>(() => _store.Write(w =>
        {
            w.PutItem(new ItemRecord("/ip/service", new ItemId(2), "www-ssl", props));
            return 0;
        }));

        Assert.Equal("failure: item with the same name already exists", error.Message);
        ItemRecord stored = Assert.Single(_store.Read(r => r.Items("/ip/service")));
        Assert.Equal(props, stored.Properties);
        Assert.Equal("www-ssl", stored.Name);
    }

    [Fact]
    public void Settings_are_set_replaced_and_unset()
    {
        _store.Write(w =>
        {
            w.SetSetting("/system/identity", "name", "MikroTik");
            w.SetSetting("/system/identity", "name", "router1");
            w.SetSetting("/system/clock", "time-zone-name", "Europe/Riga");
            w.SetSetting("/system/clock", "time-zone-name", null);
            return 0;
        });

        Assert.Equal("router1", _store.Read(r => r.Setting("/system/identity", "name")));
        Assert.Null(_store.Read(r => r.Setting("/system/clock", "time-zone-name")));
    }

    [Fact]
    public void A_throwing_write_is_rolled_back_and_the_store_stays_usable()
    {
        long before = _store.ChangeVersion();
        Assert.Throws<InvalidOperationException>(() => _store.Write<int>(w =>
        {
            w.Insert(Entries.Template(1, "lost"));
            throw new InvalidOperationException("domain check failed");
        }));

        Assert.Empty(_store.Read(r => r.Certificates()));
        Assert.Equal(before, _store.ChangeVersion());
        _store.Write(w =>
        {
            w.Insert(Entries.Template(1, "kept"));
            return 0;
        });
        Assert.Equal(before + 1, _store.ChangeVersion());
    }

    [Fact]
    public void Missing_items_and_unknown_issuers_are_refused()
    {
        Assert.Equal("no such item", Assert.Throws<RouterOsException>(() => _store.Write(w =>
        {
            w.DeleteCertificate(new ItemId(7));
            return 0;
        })).Message);

        // issued_by is a foreign key: the domain must not point at a certificate that is not there.
        var error = Assert.Throws<SqliteException>(() => _store.Write(w =>
        {
            w.Insert(Entries.Signed(1, "orphan", new ItemId(99)));
            return 0;
        }));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Empty(_store.Read(r => r.Certificates()));
    }

    [Fact]
    public void Change_version_is_seen_by_another_store_on_the_same_file()
    {
        using var other = new SqliteStore(_store.DatabasePath);
        long before = other.ChangeVersion();

        _store.Write(w => w.AllocateId(Menu));

        Assert.Equal(before + 1, other.ChangeVersion());
        Assert.Equal(other.ChangeVersion(), _store.ChangeVersion());
    }

    [Fact]
    public async Task Concurrent_writers_on_two_stores_lose_no_update()
    {
        const int PerThread = 150;
        using var other = new SqliteStore(_store.DatabasePath);
        using var start = new Barrier(2);
        var ids = new System.Collections.Concurrent.ConcurrentBag<ItemId>();

        void Increment(IStore store)
        {
            start.SignalAndWait();
            for (int i = 0; i < PerThread; i++)
            {
                ids.Add(store.Write(w =>
                {
                    int value = int.Parse(w.Setting("/test", "counter") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                    w.SetSetting("/test", "counter", (value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return w.AllocateId("/test");
                }));
            }
        }

        // Dedicated threads: the barrier must not wait on a starved two-core thread pool.
        await Task.WhenAll(
            Task.Factory.StartNew(() => Increment(_store), TaskCreationOptions.LongRunning),
            Task.Factory.StartNew(() => Increment(other), TaskCreationOptions.LongRunning));

        Assert.Equal((2 * PerThread).ToString(System.Globalization.CultureInfo.InvariantCulture), _store.Read(r => r.Setting("/test", "counter")));
        Assert.Equal(2 * PerThread, ids.Distinct().Count());
        Assert.Equal((uint)(2 * PerThread), ids.Max().Value);
    }

    [Fact]
    public async Task A_writer_waits_for_another_process_holding_the_write_lock()
    {
        using var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _store.DatabasePath, Pooling = false }.ToString());
        holder.Open();
        using (SqliteCommand begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO settings (menu, property, value) VALUES ('/test', 'holder', 'yes')";
            begin.ExecuteNonQuery();
        }

        Task<ItemId> writer = Task.Factory.StartNew(() => _store.Write(w => w.AllocateId(Menu)), TaskCreationOptions.LongRunning);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(writer.IsCompleted);
        using (SqliteCommand commit = holder.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            commit.ExecuteNonQuery();
        }

        Assert.Equal(new ItemId(1), await writer);
        Assert.Equal("yes", _store.Read(r => r.Setting("/test", "holder")));
    }
}

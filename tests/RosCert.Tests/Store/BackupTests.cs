using RosCert.Core.Model;
using RosCert.Store;
using RosCert.Store.Backup;
using RosCert.Store.Checking;
using RosCert.Store.Keys;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Store;

/// <summary>
/// backup / restore (issue 10, decision 0052): one file under a passphrase, restored into an empty
/// data dir on "another machine" (its own master key); every key opens there and the store is whole.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";

    private readonly TempDirectory _other = new();
    private readonly TestConsole _console = new();

    public BackupTests()
    {
        _console.Run("add name=ca common-name=CA key-size=prime256v1 key-usage=key-cert-sign,crl-sign");
        _console.Run("sign ca ca-crl-host=127.0.0.1");
        _console.Run("add name=srv common-name=srv key-size=prime256v1 key-usage=digital-signature,tls-server");
        _console.Run("sign srv ca=ca");
        _console.Run("issued-revoke srv");
        _console.Run("/user add name=op group=read password=operator1");
    }

    public void Dispose()
    {
        _console.Dispose();
        _other.Dispose();
    }

    [Fact]
    public void A_backup_restores_on_another_machine_with_every_key_and_nothing_else_changed()
    {
        string file = Save();
        DataDirectory target = DataDirectory.Open(_other.Combine("data"), _ => null);
        var otherKeys = new AesGcmKeyProtector(MasterKey.LoadOrCreate(_other.Combine("config", "master.key")));

        StoreBackup.Restore(file, Passphrase, target, otherKeys);

        using SqliteStore restored = SqliteStore.Open(target);
        Assert.Empty(StoreChecker.Check(restored, otherKeys).Findings);
        IReadOnlyList<CertificateEntry> before = _console.Environment.Store.Read(r => r.Certificates());
        IReadOnlyList<CertificateEntry> after = restored.Read(r => r.Certificates());
        Assert.Equal(before.Select(e => (e.Name, e.Fingerprint, e.Revoked)), after.Select(e => (e.Name, e.Fingerprint, e.Revoked)));
        foreach ((CertificateEntry old, CertificateEntry copy) in before.Zip(after))
        {
            Assert.Equal(_console.Environment.Keys.Unseal(old.PrivateKey!), otherKeys.Unseal(copy.PrivateKey!));
            Assert.NotEqual(old.PrivateKey!.Bytes, copy.PrivateKey!.Bytes);
        }

        Assert.Contains(restored.Read(r => r.Items("/user")), u => u.Name == "op");
        Assert.Equal(_console.Environment.Store.Read(r => r.Crl(before[0].Id))!.Der, restored.Read(r => r.Crl(after[0].Id))!.Der);
    }

    [Fact]
    public void The_backup_file_holds_no_key_in_clear_nor_as_sealed_here_and_is_private()
    {
        string file = Save();
        byte[] contents = File.ReadAllBytes(file);
        foreach (CertificateEntry entry in _console.Environment.Store.Read(r => r.Certificates()))
        {
            Assert.True(contents.AsSpan().IndexOf(_console.Environment.Keys.Unseal(entry.PrivateKey!)) < 0);
            Assert.True(contents.AsSpan().IndexOf(entry.PrivateKey!.Bytes) < 0);
            Assert.True(contents.AsSpan().IndexOf(entry.Der!) < 0, "the backup is not encrypted");
        }

        Assert.Equal(RosCert.Store.IO.UnixFiles.PrivateFile, RosCert.Store.IO.UnixFiles.GetMode(file));
        Assert.Empty(Directory.GetFiles(_console.DataPath, ".backup-*"));
    }

    [Fact]
    public void A_wrong_passphrase_a_damaged_file_or_a_used_data_dir_is_refused()
    {
        string file = Save();
        DataDirectory target = DataDirectory.Open(_other.Combine("data"), _ => null);
        var otherKeys = new AesGcmKeyProtector(MasterKey.LoadOrCreate(_other.Combine("config", "master.key")));

        Assert.Contains("wrong passphrase", Assert.Throws<StoreException>(() => StoreBackup.Restore(file, "wrong", target, otherKeys)).Message, StringComparison.Ordinal);
        byte[] damaged = File.ReadAllBytes(file);
        damaged[^20] ^= 1;
        File.WriteAllBytes(file + ".bad", damaged);
        Assert.Throws<StoreException>(() => StoreBackup.Restore(file + ".bad", Passphrase, target, otherKeys));
        Assert.False(File.Exists(target.DatabasePath));

        DataDirectory used = DataDirectory.Open(_console.DataPath, _ => null);
        Assert.Contains("empty data dir", Assert.Throws<StoreException>(() => StoreBackup.Restore(file, Passphrase, used, otherKeys)).Message, StringComparison.Ordinal);
    }

    private string Save()
    {
        string file = _other.Combine("roscert.backup");
        StoreBackup.Save((SqliteStore)_console.Environment.Store, _console.Environment.Keys, Passphrase, file);
        return file;
    }
}

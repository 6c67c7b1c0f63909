using System.Runtime.Versioning;
using System.Security.Cryptography;
using RosCert.Core.Model;
using RosCert.Store;
using RosCert.Store.IO;
using RosCert.Store.Keys;
using Xunit;

namespace RosCert.Tests.Store;

[UnsupportedOSPlatform("windows")]
public sealed class KeyProtectorTests : IDisposable
{
    private static readonly byte[] s_pkcs8 = [0x30, 0x81, 0x87, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Master_key_file_is_created_0600_in_a_0700_directory_and_reused()
    {
        string path = _temp.Combine("config", "roscert", "master.key");

        MasterKey created = MasterKey.LoadOrCreate(path);
        MasterKey loaded = MasterKey.LoadOrCreate(path);

        Assert.Equal(UnixFiles.PrivateFile, UnixFiles.GetMode(path));
        Assert.Equal(UnixFiles.PrivateDirectory, UnixFiles.GetMode(Path.GetDirectoryName(path)!));
        Assert.Equal(MasterKey.Length, new FileInfo(path).Length);
        SealedKey sealedKey = new AesGcmKeyProtector(created).Seal(s_pkcs8);
        Assert.Equal(s_pkcs8, new AesGcmKeyProtector(loaded).Unseal(sealedKey));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.roscert-tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Master_key_readable_by_others_is_refused()
    {
        string path = _temp.Combine("master.key");
        MasterKey.LoadOrCreate(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<StoreException>(() => MasterKey.LoadOrCreate(path));

        Assert.Contains("mode 0644", error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Master_key_of_the_wrong_length_is_refused_and_left_alone()
    {
        string path = _temp.Combine("master.key");
        using (var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFiles.PrivateFile }))
        {
            stream.Write(new byte[16]);
        }

        var error = Assert.Throws<StoreException>(() => MasterKey.LoadOrCreate(path));

        Assert.Contains("holds 16 bytes, not 32", error.Message, StringComparison.Ordinal);
        Assert.Equal(16, new FileInfo(path).Length);
    }

    [Fact]
    public void Master_key_path_comes_from_the_variable_then_xdg_config_then_home()
    {
        Dictionary<string, string?> env = new()
        {
            ["ROSCERT_MASTER_KEY_FILE"] = "/keys/m.key",
            ["XDG_CONFIG_HOME"] = "/xdg",
            ["HOME"] = "/home/u",
        };

        Assert.Equal("/keys/m.key", MasterKey.ResolvePath(env.GetValueOrDefault));
        env["ROSCERT_MASTER_KEY_FILE"] = "";
        Assert.Equal("/xdg/roscert/master.key", MasterKey.ResolvePath(env.GetValueOrDefault));
        env["XDG_CONFIG_HOME"] = "relative/ignored";
        Assert.Equal("/home/u/.config/roscert/master.key", MasterKey.ResolvePath(env.GetValueOrDefault));
    }

    [Fact]
    public void Sealed_key_has_the_documented_layout_and_opens_again()
    {
        var protector = new AesGcmKeyProtector(MasterKey.LoadOrCreate(_temp.Combine("master.key")));

        SealedKey first = protector.Seal(s_pkcs8);
        SealedKey second = protector.Seal(s_pkcs8);

        Assert.Equal(1 + 12 + s_pkcs8.Length + 16, first.Bytes.Length);
        Assert.Equal(AesGcmKeyProtector.FormatVersion, first.Bytes[0]);
        Assert.NotEqual(first.Bytes, second.Bytes); // fresh nonce each time
        Assert.Equal(s_pkcs8, protector.Unseal(first));
        Assert.Equal(s_pkcs8, protector.Unseal(second));
    }

    [Theory]
    [InlineData(0)] // version byte
    [InlineData(5)] // nonce
    [InlineData(14)] // ciphertext
    [InlineData(-1)] // tag
    public void Tampered_blob_does_not_open(int index)
    {
        var protector = new AesGcmKeyProtector(MasterKey.LoadOrCreate(_temp.Combine("master.key")));
        byte[] blob = protector.Seal(s_pkcs8).Bytes;
        blob[index < 0 ? blob.Length + index : index] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unseal(new SealedKey(blob)));
    }

    [Fact]
    public void Blob_sealed_under_another_master_key_or_truncated_does_not_open()
    {
        var mine = new AesGcmKeyProtector(MasterKey.LoadOrCreate(_temp.Combine("a.key")));
        var theirs = new AesGcmKeyProtector(MasterKey.LoadOrCreate(_temp.Combine("b.key")));
        SealedKey foreign = theirs.Seal(s_pkcs8);

        Assert.ThrowsAny<CryptographicException>(() => mine.Unseal(foreign));
        Assert.ThrowsAny<CryptographicException>(() => mine.Unseal(new SealedKey(foreign.Bytes[..20])));
    }
}

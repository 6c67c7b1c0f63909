using RosCert.Core.Model;
using RosCert.Store;
using RosCert.Store.Files;
using RosCert.Store.IO;
using RosCert.Store.Keys;
using Xunit;

namespace RosCert.Tests.Store;

/// <summary>Private keys never rest in clear anywhere under the data directory.</summary>
public sealed class AtRestTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void No_file_under_the_data_dir_holds_the_clear_private_key()
    {
        byte[] clearKey = Pattern(seed: 1, length: 96);
        byte[] der = Pattern(seed: 2, length: 96); // stored in clear: the positive control
        DataDirectory data = DataDirectory.Open(_temp.Combine("data"));
        var protector = new AesGcmKeyProtector(MasterKey.LoadOrCreate(_temp.Combine("config", "master.key")));
        new FilesArea(data.FilesPath).WriteAtomic("exports/server.crt", der);

        using (SqliteStore store = SqliteStore.Open(data))
        {
            store.Write(w =>
            {
                w.Insert(Entries.Signed(1, "server", null) with { Der = der, PrivateKey = protector.Seal(clearKey) });
                return 0;
            });
            Assert.True(File.Exists(data.DatabasePath + "-wal"));
            Assert.All(Directory.GetFiles(data.Path, "*", SearchOption.AllDirectories), f => Assert.Equal(UnixFiles.PrivateFile, UnixFiles.GetMode(f)));
            AssertNowhere(data, clearKey, der);
            Assert.Equal(clearKey, protector.Unseal(store.Read(r => r.Certificate(new ItemId(1)))!.PrivateKey!));
        }

        AssertNowhere(data, clearKey, der);
    }

    private static void AssertNowhere(DataDirectory data, byte[] secret, byte[] control)
    {
        string[] files = Directory.GetFiles(data.Path, "*", SearchOption.AllDirectories);
        var withControl = files.Where(f => Contains(File.ReadAllBytes(f), control)).ToList();
        var withSecret = files.Where(f => Contains(File.ReadAllBytes(f), secret)).ToList();

        Assert.Contains(files, f => f.EndsWith("store.db", StringComparison.Ordinal));
        Assert.Contains(withControl, f => f.Contains("store.db", StringComparison.Ordinal));
        Assert.Contains(withControl, f => f.EndsWith("server.crt", StringComparison.Ordinal));
        Assert.Empty(withSecret);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static byte[] Pattern(int seed, int length)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

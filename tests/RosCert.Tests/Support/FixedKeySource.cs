using System.Security.Cryptography;
using RosCert.Core.Issuance;
using RosCert.Core.Model;

namespace RosCert.Tests.Support;

/// <summary>
/// Hands out the fixed keys of <c>tests/testdata/transcript-keys</c> per key size, in file order,
/// cycling; sizes without a file get a fresh key. Makes transcripts reproducible.
/// </summary>
internal sealed class FixedKeySource : IKeySource
{
    private static readonly Lazy<Dictionary<string, byte[][]>> s_keys = new(Load);
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);
    private readonly RandomKeySource _fallback = new();

    public byte[] Generate(KeySize size)
    {
        if (!s_keys.Value.TryGetValue(size.Name == "2048" ? "rsa2048" : size.Name, out byte[][]? keys))
        {
            return _fallback.Generate(size);
        }

        int index = _next.GetValueOrDefault(size.Name);
        _next[size.Name] = index + 1;
        return keys[index % keys.Length];
    }

    private static Dictionary<string, byte[][]> Load()
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "testdata", "transcript-keys");
        return Directory.GetFiles(directory, "*.pem")
            .Order(StringComparer.Ordinal)
            .GroupBy(f => Path.GetFileNameWithoutExtension(f)[..Path.GetFileNameWithoutExtension(f).LastIndexOf('-')])
            .ToDictionary(g => g.Key, g => g.Select(ReadPkcs8).ToArray(), StringComparer.Ordinal);
    }

    private static byte[] ReadPkcs8(string file)
    {
        PemFields fields = PemEncoding.Find(File.ReadAllText(file));
        return Convert.FromBase64String(File.ReadAllText(file)[fields.Base64Data]);
    }
}

/// <summary>Serials 1, 2, 3 … as 8-byte values (16 hex digits), for reproducible transcripts.</summary>
internal sealed class CountingSerialSource : ISerialSource
{
    private ulong _next = 0x1000_0000_0000_0000;

    public byte[] Next()
    {
        byte[] serial = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(serial, ++_next);
        return serial;
    }
}

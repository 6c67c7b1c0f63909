using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>Keys made ahead (issue 9): only for sizes in demand, each handed out once, and never more than the spare cores.</summary>
public sealed class KeyPoolTests
{
    [Fact]
    public async Task A_size_asked_for_once_is_generated_on_demand_only()
    {
        var source = new CountingSource();
        var pool = new KeyPool(source, ahead: 2);

        await pool.Take(KeySize.Prime256v1);
        await Task.Delay(50);

        Assert.Equal(1, source.Generated);
    }

    [Fact]
    public async Task A_size_in_demand_keeps_keys_ahead_and_hands_each_out_once()
    {
        var source = new CountingSource();
        var pool = new KeyPool(source, ahead: 2);

        GeneratedKey first = await pool.Take(KeySize.Prime256v1);
        GeneratedKey second = await pool.Take(KeySize.Prime256v1);
        await WaitFor(() => source.Generated == 4);
        GeneratedKey third = await pool.Take(KeySize.Prime256v1);
        GeneratedKey fourth = await pool.Take(KeySize.Prime256v1);

        Assert.Equal(4, new[] { first, second, third, fourth }.Select(k => Convert.ToHexString(k.Pkcs8)).Distinct().Count());
        await WaitFor(() => source.Generated == 6);
        await Task.Delay(50);
        Assert.Equal(6, source.Generated); // 4 handed out, 2 ahead: never more
    }

    [Fact]
    public async Task Sizes_are_kept_apart()
    {
        var pool = new KeyPool(new CountingSource(), ahead: 1);
        _ = await pool.Take(KeySize.Prime256v1);
        _ = await pool.Take(KeySize.Prime256v1);

        GeneratedKey other = await pool.Take(KeySize.Secp384r1);

        Assert.Equal(KeySize.Secp384r1.Name, CountingSource.SizeOf(other));
    }

    [Fact]
    public async Task Pooled_keys_are_real_pairs()
    {
        var pool = new KeyPool(new RandomKeySource(), ahead: 1);
        _ = await pool.Take(KeySize.Prime256v1);

        GeneratedKey key = await pool.Take(KeySize.Prime256v1);

        Assert.True(KeyMaterial.Matches(key.Pkcs8, key.SubjectPublicKeyInfo));
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    /// <summary>Counts generations; each key's bytes name its size and number.</summary>
    private sealed class CountingSource : IKeySource
    {
        private int _generated;

        public int Generated => Volatile.Read(ref _generated);

        public byte[] Generate(KeySize size) => GeneratePair(size).Pkcs8;

        public GeneratedKey GeneratePair(KeySize size)
        {
            int number = Interlocked.Increment(ref _generated);
            return new GeneratedKey(System.Text.Encoding.ASCII.GetBytes($"{size.Name}#{number}"), []);
        }

        public static string SizeOf(GeneratedKey key) => System.Text.Encoding.ASCII.GetString(key.Pkcs8).Split('#')[0];
    }
}

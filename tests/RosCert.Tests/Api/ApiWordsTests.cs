using CsCheck;
using RosCert.Server.Api;
using Xunit;

namespace RosCert.Tests.Api;

public sealed class ApiWordsTests
{
    private static readonly ApiLimits s_roomy = new(4 << 20, 1000, 16L << 20);

    [Theory]
    [InlineData(0u, 1, "00")]
    [InlineData(0x7Fu, 1, "7F")]
    [InlineData(0x80u, 2, "8080")]
    [InlineData(0x3FFFu, 2, "BFFF")]
    [InlineData(0x4000u, 3, "C04000")]
    [InlineData(0x1FFFFFu, 3, "DFFFFF")]
    [InlineData(0x200000u, 4, "E0200000")]
    [InlineData(0xFFFFFFFu, 4, "EFFFFFFF")]
    [InlineData(0x10000000u, 5, "F010000000")]
    [InlineData(uint.MaxValue, 5, "F0FFFFFFFF")]
    public void Length_prefix_round_trips_for_every_size(uint length, int size, string hex)
    {
        Span<byte> prefix = stackalloc byte[5];
        Assert.Equal(size, ApiWords.WriteLength(prefix, length));
        Assert.Equal(hex, Convert.ToHexString(prefix[..size]));
        Assert.Equal(size - 1, ApiWords.ExtraLengthBytes(prefix[0]));
        Assert.Equal(length, ApiWords.DecodeLength(prefix[0], prefix[1..size]));
    }

    [Theory]
    [InlineData(0x7F)]
    [InlineData(0x80)]
    [InlineData(0x3FFF)]
    [InlineData(0x4000)]
    [InlineData(0x1FFFFF)]
    [InlineData(0x200000)]
    public void Sentences_round_trip_with_words_of_each_prefix_size(int length)
    {
        string[] words = ["/certificate/print", new string('x', length), "=a=b"];
        Assert.Equal(words, Read(ApiWords.EncodeSentence(words), s_roomy));
    }

    [Fact]
    public void A_longer_than_needed_prefix_is_read_too()
    {
        byte[] bytes = [0xF0, 0, 0, 0, 5, .. "hello"u8, 0xE0, 0, 0, 2, .. "ok"u8, 0];
        Assert.Equal(["hello", "ok"], Read(bytes, ApiLimits.Default));
    }

    [Fact]
    public async Task Several_sentences_come_back_in_order_and_then_the_end()
    {
        byte[] bytes = ApiWords.EncodeSentences([["/login", "=name=admin"], [], ["/quit"]]);
        var reader = new ApiSentenceReader(new MemoryStream(bytes));
        Assert.Equal(["/login", "=name=admin"], await reader.ReadSentenceAsync(ApiLimits.Default, default));
        Assert.Empty((await reader.ReadSentenceAsync(ApiLimits.Default, default))!);
        Assert.Equal(["/quit"], await reader.ReadSentenceAsync(ApiLimits.Default, default));
        Assert.Null(await reader.ReadSentenceAsync(ApiLimits.Default, default));
    }

    [Theory]
    [InlineData("F8")]
    [InlineData("FF")]
    [InlineData("05616263")]
    [InlineData("80")]
    [InlineData("0361626303")]
    public void Broken_framing_is_a_protocol_error(string hex)
    {
        Assert.Throws<ApiProtocolException>(() => Read(Convert.FromHexString(hex), ApiLimits.Default));
    }

    [Fact]
    public void Limits_on_words_and_sentences_are_protocol_errors()
    {
        byte[] bigWord = ApiWords.EncodeSentence([new string('x', (1 << 20) + 1)]);
        Assert.Throws<ApiProtocolException>(() => Read(bigWord, ApiLimits.Default));
        byte[] manyWords = ApiWords.EncodeSentence(Enumerable.Repeat("w", 1001));
        Assert.Throws<ApiProtocolException>(() => Read(manyWords, ApiLimits.Default));
        Assert.Equal(1000, Read(ApiWords.EncodeSentence(Enumerable.Repeat("w", 1000)), ApiLimits.Default)!.Count);
    }

    [Fact]
    public void Random_word_lists_round_trip()
    {
        Gen<string> word = Gen.OneOf(Gen.String[Gen.Char['\0', '\uD7FF'], 1, 40], Gen.String[Gen.Char['\0', '\x7F'], 100, 20_000]);
        word.Array[1, 12].Sample(words => Assert.Equal(words, Read(ApiWords.EncodeSentence(words), ApiLimits.Default)), iter: 300);
    }

    [Fact]
    public void Random_bytes_end_in_sentences_or_a_protocol_error_only()
    {
        Gen.Byte.Array[0, 300].Sample(ReadAllOrFailCleanly, iter: 5_000);
    }

    [Fact]
    public void Mutated_sentences_end_in_sentences_or_a_protocol_error_only()
    {
        byte[] valid = ApiWords.EncodeSentences([["/login", "=name=admin", "=password=x"], ["/certificate/print", "?name=" + new string('n', 200), ".tag=7"]]);
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[0, 2]).Array[1, 4]
            .Sample(edits => ReadAllOrFailCleanly(Mutate(valid, edits)), iter: 5_000);
    }

    private static byte[] Mutate(byte[] valid, (int At, byte Value, int Mode)[] edits)
    {
        var bytes = new List<byte>(valid);
        foreach ((int at, byte value, int mode) in edits)
        {
            int i = Math.Min(at, bytes.Count - 1);
            switch (mode)
            {
                case 0 when bytes.Count > 0: bytes[i] = value; break;
                case 1: bytes.Insert(Math.Max(i, 0), value); break;
                default: bytes.RemoveRange(Math.Max(i, 0), bytes.Count - Math.Max(i, 0)); break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Reads sentences until the end; only <see cref="ApiProtocolException"/> may escape, and it must end (the stream is finite).</summary>
    private static void ReadAllOrFailCleanly(byte[] bytes)
    {
        var reader = new ApiSentenceReader(new MemoryStream(bytes));
        try
        {
            for (int i = 0; i <= bytes.Length; i++)
            {
                if (reader.ReadSentenceAsync(ApiLimits.Default, default).AsTask().Result is null)
                {
                    return;
                }
            }

            Assert.Fail("more sentences than bytes");
        }
        catch (AggregateException error) when (error.InnerException is ApiProtocolException)
        {
        }
    }

    private static IReadOnlyList<string>? Read(byte[] bytes, ApiLimits limits)
    {
        var reader = new ApiSentenceReader(new MemoryStream(bytes));
        return reader.ReadSentenceAsync(limits, default).AsTask().GetAwaiter().GetResult();
    }
}

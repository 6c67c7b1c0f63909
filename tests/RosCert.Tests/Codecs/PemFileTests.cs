using CsCheck;
using RosCert.Codecs.Pem;
using Xunit;

namespace RosCert.Tests.Codecs;

public sealed class PemFileTests
{
    private static readonly byte[] s_bytes = [.. Enumerable.Range(0, 200).Select(i => (byte)i)];

    [Fact]
    public void Write_uses_64_column_lines_and_ends_with_a_newline()
    {
        string pem = PemFile.Write("CERTIFICATE", s_bytes);
        string[] lines = pem.Split('\n');
        Assert.Equal("-----BEGIN CERTIFICATE-----", lines[0]);
        Assert.Equal(64, lines[1].Length);
        Assert.Equal("-----END CERTIFICATE-----", lines[^2]);
        Assert.Equal("", lines[^1]);
        Assert.All(lines, line => Assert.True(line.Length <= 64));
    }

    [Fact]
    public void ReadAll_returns_every_block_in_order()
    {
        string text = "junk\r\n" + PemFile.Write("CERTIFICATE", s_bytes) + "between\n" + PemFile.Write("PRIVATE KEY", s_bytes.AsSpan(0, 7)).Replace("\n", "\r\n");
        IReadOnlyList<PemBlock> blocks = PemFile.ReadAll(text);
        Assert.Equal(["CERTIFICATE", "PRIVATE KEY"], blocks.Select(b => b.Label));
        Assert.All(blocks, b => Assert.True(b.IsValid));
        Assert.Equal(s_bytes, blocks[0].Data);
        Assert.Equal(s_bytes[..7], blocks[1].Data);
        Assert.Empty(blocks[0].Headers);
    }

    [Fact]
    public void ReadAll_keeps_legacy_encryption_headers()
    {
        string text = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,\n 00112233\n\n"
            + Convert.ToBase64String(s_bytes) + "\n-----END RSA PRIVATE KEY-----\n";
        PemBlock block = Assert.Single(PemFile.ReadAll(text));
        Assert.True(block.IsValid, block.Error);
        Assert.Equal("4,ENCRYPTED", block.Headers["Proc-Type"]);
        Assert.Equal("AES-256-CBC,00112233", block.Headers["dek-info"]);
        Assert.Equal(s_bytes, block.Data);
    }

    [Theory]
    [InlineData("-----BEGIN X-----\nAB$C\n-----END X-----\n", "X")]
    [InlineData("-----BEGIN X-----\nQUJD\n", "X")]
    [InlineData("-----BEGIN X-----\nQUJD\n-----END Y-----\n", "X")]
    [InlineData("-----BEGIN X\nQUJD\n-----END X-----\n", "")]
    [InlineData("-----BEGIN X-----\nnot a header\nProc-Type: 4\n\nQUJD\n-----END X-----\n", "X")]
    public void Damaged_blocks_become_error_entries(string text, string label)
    {
        PemBlock block = PemFile.ReadAll(text)[0];
        Assert.False(block.IsValid);
        Assert.Equal(label, block.Label);
        Assert.Empty(block.Data);
    }

    [Fact]
    public void A_block_without_END_does_not_hide_the_next_one()
    {
        string text = "-----BEGIN X-----\nQUJD\n" + PemFile.Write("Y", s_bytes);
        IReadOnlyList<PemBlock> blocks = PemFile.ReadAll(text);
        Assert.Equal(["X", "Y"], blocks.Select(b => b.Label));
        Assert.False(blocks[0].IsValid);
        Assert.Equal(s_bytes, blocks[1].Data);
    }

    [Fact]
    public void An_END_line_after_the_next_BEGIN_does_not_close_the_earlier_block()
    {
        string text = "-----BEGIN Y-----\nQUJD\n" + PemFile.Write("Y", s_bytes);
        IReadOnlyList<PemBlock> blocks = PemFile.ReadAll(text);
        Assert.Equal(["Y", "Y"], blocks.Select(b => b.Label));
        Assert.False(blocks[0].IsValid);
        Assert.Equal(s_bytes, blocks[1].Data);
    }

    [Fact]
    public void Many_BEGIN_lines_without_END_are_read_in_one_pass()
    {
        // 60,000 damaged blocks (2.6 MB): the earlier reader scanned to the end of the text once per BEGIN.
        string text = string.Concat(Enumerable.Repeat("-----BEGIN CERTIFICATE-----\nQUJD\n", 60_000)) + PemFile.Write("Y", s_bytes);
        IReadOnlyList<PemBlock> blocks = PemFile.ReadAll(text);
        Assert.Equal(60_001, blocks.Count);
        Assert.Equal(60_000, blocks.Count(b => !b.IsValid));
        Assert.Equal(s_bytes, blocks[^1].Data);
    }

    [Fact]
    public void Round_trip_of_any_bytes_and_any_text_never_throws()
    {
        Gen.Byte.Array[0, 300].Sample(bytes => Assert.Equal(bytes, Assert.Single(PemFile.ReadAll(PemFile.Write("X", bytes))).Data), iter: 500);
        string valid = PemFile.Write("A B", s_bytes) + "-----BEGIN K-----\nProc-Type: 4,ENCRYPTED\n\nQUJD\n-----END K-----\n";
        Gen.Select(Gen.Int[0, valid.Length], Gen.Int[0, 8], Gen.Char["-BEGIN:\n\r =A"])
            .Sample((at, count, c) => PemFile.ReadAll(valid.Remove(at, Math.Min(count, valid.Length - at)).Insert(at, c.ToString())), iter: 5000);
    }
}

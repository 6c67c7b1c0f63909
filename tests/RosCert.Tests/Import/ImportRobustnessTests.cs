using System.Diagnostics;
using System.Text;
using CsCheck;
using RosCert.Core.Import;
using Xunit;

namespace RosCert.Tests.Import;

/// <summary>Hostile and damaged input: ImportFormatException or a result, never another exception and never a hang.</summary>
public sealed class ImportRobustnessTests
{
    private static readonly string[] s_mutated =
    [
        "rsa-modern.p12", "rsa-legacy.p12", "ec-nomac.p12", "chain.p7b", "ca.crl.der", "ec-enc-pkcs8.der",
        "rsa-cert-and-legacy-key.pem", "ec-params.key", "ec-enc-pkcs8.key", "rsa-pkcs8.der",
    ];

    [Fact]
    public void Random_bytes_are_a_format_error()
    {
        byte[] random = new byte[4096];
        new Random(7468).NextBytes(random);

        Assert.Throws<ImportFormatException>(() => ImportReader.Read(random, null));
        Assert.False(ImportReader.HasEncryptedContent(random));
    }

    [Fact]
    public void Empty_file_is_a_format_error() => Assert.Throws<ImportFormatException>(() => ImportReader.Read([], null));

    [Fact]
    public void File_above_the_size_limit_is_a_format_error() =>
        Assert.Throws<ImportFormatException>(() => ImportReader.Read(new byte[ImportReader.MaxFileSize + 1], null));

    [Fact]
    public void Every_truncation_of_a_pkcs12_is_a_result_or_a_format_error()
    {
        byte[] pfx = ImportCorpus.Bytes("rsa-modern.p12");
        for (int length = 0; length < pfx.Length; length++)
        {
            ImportResult? result = ImportCorpus.ReadOrFormatError(pfx[..length]);
            Assert.True(result is null || result.Certificates.Count == 0);
        }
    }

    [Fact]
    public void Damaged_base64_block_is_skipped_and_the_others_are_read()
    {
        string chain = File.ReadAllText(Path.Combine(ImportCorpus.Directory, "chain-dup.pem"));
        int second = chain.IndexOf("-----BEGIN", 10, StringComparison.Ordinal);
        string damaged = chain[..(second + 40)] + "!!!!" + chain[(second + 44)..];

        ImportResult result = ImportReader.Read(Encoding.ASCII.GetBytes(damaged), null);

        Assert.Equal(ImportCorpus.CertificateDer("rsa.pem"), Assert.Single(result.Certificates));
    }

    [Fact]
    public void File_whose_only_block_is_damaged_is_a_format_error()
    {
        string pem = File.ReadAllText(Path.Combine(ImportCorpus.Directory, "rsa.pem")).Replace("MII", "M*I", StringComparison.Ordinal);

        Assert.Throws<ImportFormatException>(() => ImportReader.Read(Encoding.ASCII.GetBytes(pem), null));
    }

    [Fact]
    public void Many_begin_lines_without_end_lines_read_in_linear_time()
    {
        byte[] text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("-----BEGIN X-----\n", 4 * 1024 * 1024 / 18)));
        var clock = Stopwatch.StartNew();

        Assert.Throws<ImportFormatException>(() => ImportReader.Read(text, null));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Pkcs12_with_absurd_iteration_count_is_refused_quickly() =>
        AssertRefusedQuickly(AbsurdIterations.Pkcs12(int.MaxValue));

    [Fact]
    public void Encrypted_pkcs8_with_absurd_iteration_count_is_refused_quickly() =>
        AssertRefusedQuickly(AbsurdIterations.EncryptedPkcs8(int.MaxValue));

    [Fact]
    public void Mutated_corpus_files_are_a_result_or_a_format_error()
    {
        byte[][] files = [.. s_mutated.Select(ImportCorpus.Bytes)];
        Gen.Select(Gen.Int[0, files.Length - 1], Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 4], Gen.Int[0, 3])
            .Sample((index, changes, mode) => _ = ImportCorpus.ReadOrFormatError(Mutate(files[index], changes, mode)), iter: 300, threads: 1);
    }

    /// <summary>Mode 0 truncates at the first position; the others overwrite bytes.</summary>
    private static byte[] Mutate(byte[] original, (int Position, byte Value)[] changes, int mode)
    {
        if (mode == 0)
        {
            return original[..(changes[0].Position % original.Length)];
        }

        byte[] copy = (byte[])original.Clone();
        foreach ((int position, byte value) in changes)
        {
            copy[position % copy.Length] = value;
        }

        return copy;
    }

    private static void AssertRefusedQuickly(byte[] content)
    {
        var clock = Stopwatch.StartNew();
        ImportResult result = ImportReader.Read(content, ImportCorpus.Passphrase);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal(1, result.DecryptionFailures);
        Assert.Empty(result.Certificates);
        Assert.Empty(result.PrivateKeys);
    }
}

using System.Security.Cryptography;
using CsCheck;
using RosCert.Core.Import;
using RosCert.Core.Requests;
using RosCert.Core.Revocation;
using RosCert.Tests.Import;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Fuzz;

/// <summary>
/// Mutated files to the byte parsers (issue 10): <c>/certificate import</c> end to end (PEM, DER,
/// PKCS#7, PKCS#8, PKCS#12, legacy PEM keys; the store is unchanged when it fails), the CRL reader and
/// the PKCS#10 reader. Only the documented error types come out, each input within its time bound.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly Lazy<byte[][]> s_importSeeds = new(() =>
        [.. Directory.GetFiles(ImportCorpus.Directory).Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".sh", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]);

    [Fact]
    public void Mutated_files_fed_to_import_never_crash_and_a_failed_import_changes_nothing()
    {
        using var console = new TestConsole();
        Fuzz.Mutated(s_importSeeds.Value).Sample(bytes => ImportOne(console, bytes), iter: Fuzz.Iterations(150), threads: 1);
    }

    [Fact]
    public void Mutated_crls_are_read_or_refused_with_a_format_error()
    {
        byte[] ca = ImportCorpus.CertificateDer("ca.pem");
        byte[][] seeds = [ImportCorpus.Bytes("ca.crl.der"), ImportCorpus.Bytes("ca.crl.pem")];
        Fuzz.Mutated(seeds).Sample(bytes => ReadCrl(bytes, ca), iter: Fuzz.Iterations(2000));
    }

    [Fact]
    public void Mutated_requests_are_read_or_refused_with_a_format_error()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=fuzz", key, HashAlgorithmName.SHA256);
        byte[] der = request.CreateSigningRequest();
        byte[][] seeds = [der, System.Text.Encoding.ASCII.GetBytes(request.CreateSigningRequestPem())];
        Fuzz.Mutated(seeds).Sample(LoadRequest, iter: Fuzz.Iterations(2000));
    }

    [Fact]
    public void Kept_inputs_still_behave()
    {
        using var console = new TestConsole();
        foreach (string file in Fuzz.Corpus("import"))
        {
            ImportOne(console, File.ReadAllBytes(file));
        }

        byte[] ca = ImportCorpus.CertificateDer("ca.pem");
        foreach (string file in Fuzz.Corpus("crl"))
        {
            ReadCrl(File.ReadAllBytes(file), ca);
        }

        foreach (string file in Fuzz.Corpus("csr"))
        {
            LoadRequest(File.ReadAllBytes(file));
        }
    }

    private static void ImportOne(TestConsole console, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(console.DataPath, "files", "fuzz.bin"), bytes);
        long before = console.Environment.Store.ChangeVersion();
        bool imported = true;
        Fuzz.Within("import of " + Convert.ToHexString(bytes[..Math.Min(bytes.Length, 64)]), () =>
            imported = console.Engine.Run("/certificate import file-name=fuzz.bin passphrase=" + ImportCorpus.Passphrase));
        if (!imported)
        {
            Assert.Equal(before, console.Environment.Store.ChangeVersion());
        }
    }

    private static void ReadCrl(byte[] bytes, byte[] ca)
    {
        try
        {
            Fuzz.Within("crl", () => CrlReader.Read(bytes, ca));
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
        }
    }

    private static void LoadRequest(byte[] bytes)
    {
        try
        {
            Fuzz.Within("csr", () => CertificateRequests.Load(bytes));
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
        }
    }
}

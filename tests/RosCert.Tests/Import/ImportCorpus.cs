using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Import;
using RosCert.Core.Issuance;
using Xunit;

namespace RosCert.Tests.Import;

/// <summary>The OpenSSL-made files of tests/testdata/import (README there) and checks over what they read as.</summary>
internal static class ImportCorpus
{
    public const string Passphrase = "secret";

    private static readonly Lazy<string> s_directory = new(Find);

    public static string Directory => s_directory.Value;

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static ImportResult Read(string name, string? passphrase = Passphrase) => ImportReader.Read(Bytes(name), passphrase);

    /// <summary>The SubjectPublicKeyInfo of a certificate given as DER or as a corpus PEM file name.</summary>
    public static byte[] PublicKeyInfo(byte[] certificate)
    {
        using X509Certificate2 loaded = X509CertificateLoader.LoadCertificate(certificate);
        return loaded.PublicKey.ExportSubjectPublicKeyInfo();
    }

    public static byte[] CertificateDer(string pemName)
    {
        using X509Certificate2 loaded = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(Directory, pemName)));
        return loaded.RawData;
    }

    /// <summary>Every key of the result belongs to the certificate in <paramref name="pemName"/>.</summary>
    public static void AssertKeysMatch(ImportResult result, string pemName)
    {
        byte[] spki = PublicKeyInfo(CertificateDer(pemName));
        Assert.All(result.PrivateKeys, key => Assert.True(KeyMaterial.Matches(key, spki), "key does not match " + pemName));
    }

    /// <summary>Reading either succeeds or fails with <see cref="ImportFormatException"/>; anything else fails the test.</summary>
    public static ImportResult? ReadOrFormatError(byte[] content, string? passphrase = Passphrase)
    {
        try
        {
            return ImportReader.Read(content, passphrase);
        }
        catch (ImportFormatException)
        {
            return null;
        }
    }

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "testdata", "import");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/testdata/import not found above " + AppContext.BaseDirectory);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Store;
using RosCert.Store.Checking;
using RosCert.Store.Keys;

namespace RosCert.Host;

/// <summary>
/// <c>roscert check</c> (a RosCert extra, decision 0050): verifies the store and prints one line per
/// finding; exit status 0 when the store is whole, 1 otherwise. It never repairs anything.
/// </summary>
internal static class CheckCommand
{
    public static int Run(string? dataDirectory, TextWriter output)
    {
        DataDirectory directory = DataDirectory.Open(dataDirectory);
        CheckReport report;
        try
        {
            using SqliteStore store = SqliteStore.Open(directory);
            report = StoreChecker.Check(store, Protector(MasterKey.ResolvePath()));
        }
        catch (SqliteException error)
        {
            // A database SQLite cannot even open (not a database, malformed header) is a finding too.
            output.WriteLine("database: " + error.Message);
            output.WriteLine("check: store is damaged");
            return 1;
        }

        foreach (string finding in report.Findings)
        {
            output.WriteLine(finding);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"check: {report.Certificates} certificates, {report.Keys} sealed keys, {report.Crls} CRLs; {(report.Whole ? "no problems found" : $"{report.Findings.Count} problems found")}"));
        return report.Whole ? 0 : 1;
    }

    /// <summary>The master key, never created by a check: without its file every sealed key is reported as not opening.</summary>
    private static IKeyProtector Protector(string path) =>
        File.Exists(path) ? new AesGcmKeyProtector(MasterKey.LoadOrCreate(path)) : new MissingMasterKey();

    private sealed class MissingMasterKey : IKeyProtector
    {
        public SealedKey Seal(ReadOnlySpan<byte> pkcs8) => throw new CryptographicException("no master key");

        public byte[] Unseal(SealedKey sealedKey) => throw new CryptographicException("no master key");
    }
}

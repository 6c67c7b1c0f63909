using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus;
using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Store;
using RosCert.Store.Files;
using RosCert.Store.Keys;

namespace RosCert.Bench;

/// <summary>
/// In-process benchmark cases for bench/run. <c>crl DIR N</c>: makes a CA in a fresh store under DIR,
/// seeds N revoked certificates straight into the store (as issue 6 allows), times building and
/// storing the signed CRL (median of three), and writes the CA (ca.pem), the CRL (crl.der) and an
/// openssl <c>index.txt</c> of the same serials so the peer builds the same list.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is not ["crl", string directory, string count])
        {
            System.Console.Error.WriteLine("usage: RosCert.Bench crl DIR N");
            return 2;
        }

        return Crl(directory, int.Parse(count, CultureInfo.InvariantCulture));
    }

    private static int Crl(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        DataDirectory data = DataDirectory.Open(Path.Combine(directory, "data"), _ => null);
        using SqliteStore store = SqliteStore.Open(data);
        var environment = new CommandEnvironment
        {
            Store = store,
            Files = new FilesArea(data.FilesPath),
            Keys = new AesGcmKeyProtector(MasterKey.LoadOrCreate(Path.Combine(directory, "master.key"))),
            Clock = TimeProvider.System,
            Catalogue = RouterOsCatalogue.Build(),
            KeySource = new RandomKeySource(),
            Serials = new RandomSerialSource(),
        };
        CertificateEntry ca = Seed.Authority(environment);
        File.WriteAllText(Path.Combine(directory, "ca.pem"), RosCert.Core.Export.PemExport.Certificates([ca.Der!]));
        // The peer signs the same list with the same key: handed over encrypted (passphrase "bench").
        File.WriteAllText(Path.Combine(directory, "ca.key"), RosCert.Core.Requests.PrivateKeys.ExportEncryptedPem(environment.Keys.Unseal(ca.PrivateKey!), "bench"));
        Seed.Revoked(data.DatabasePath, ca.Id, count, Path.Combine(directory, "index.txt"));

        var times = new List<double>();
        for (int run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            CrlPublisher.Rebuild(environment, ca.Id);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        CrlRecord crl = store.Read(r => r.Crl(ca.Id))!;
        File.WriteAllBytes(Path.Combine(directory, "crl.der"), crl.Der!);
        times.Sort();
        System.Console.WriteLine(times[1].ToString("0.0", CultureInfo.InvariantCulture));
        return 0;
    }
}

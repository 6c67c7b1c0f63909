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
/// In-process parts of bench/run. <c>list DIR N</c>: a store under DIR/data with N signed leaves
/// and the same certificates in DIR/all.pem (see <see cref="ListSeed"/>). <c>rest URL PASSWORD N</c>:
/// N template+sign pairs from 8 clients, then one GET of the list; prints "pairs/s list-ms".
/// <c>crl DIR N</c>: makes a CA in a fresh store under DIR/data and
/// seeds N-1 revoked certificates and one more, <c>spare</c>, straight into the store (as issue 9
/// allows); bench/run then times <c>issued-revoke spare</c>, which rebuilds the CRL of N entries from
/// the store. Writes the CA (ca.pem), its key (ca.key) and an openssl <c>index.txt</c> listing the
/// same N serials revoked, so the peer builds the same list; prints the database path.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case ["crl", string directory, string count]:
                return Crl(directory, Number(count));
            case ["list", string directory, string count]:
                return List(directory, Number(count));
            case ["rest", string url, string password, string count]:
                return Rest(url, password, Number(count));
            default:
                System.Console.Error.WriteLine("usage: RosCert.Bench crl DIR N | list DIR N | rest URL PASSWORD N");
                return 2;
        }
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static int List(string directory, int count)
    {
        (DataDirectory data, CommandEnvironment environment) = Open(directory);
        using var store = (SqliteStore)environment.Store;
        CertificateEntry ca = Seed.Authority(environment, "prime256v1");
        ListSeed.Run(environment, ca, count, Path.Combine(directory, "all.pem"));
        System.Console.WriteLine(data.DatabasePath);
        return 0;
    }

    private static int Rest(string url, string password, int count)
    {
        using var load = new RestLoad(url, "admin", password);
        double rate = load.SignRateAsync("rest", count).GetAwaiter().GetResult();
        (double milliseconds, _) = load.ListAsync().GetAwaiter().GetResult();
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate:0.0} {milliseconds:0.0}"));
        return 0;
    }

    private static (DataDirectory Data, CommandEnvironment Environment) Open(string directory)
    {
        Directory.CreateDirectory(directory);
        DataDirectory data = DataDirectory.Open(Path.Combine(directory, "data"), _ => null);
        var environment = new CommandEnvironment
        {
            Store = SqliteStore.Open(data),
            Files = new FilesArea(data.FilesPath),
            Keys = new AesGcmKeyProtector(MasterKey.LoadOrCreate(Path.Combine(directory, "master.key"))),
            Clock = TimeProvider.System,
            Catalogue = RouterOsCatalogue.Build(),
            KeySource = new RandomKeySource(),
            Serials = new RandomSerialSource(),
        };
        return (data, environment);
    }

    private static int Crl(string directory, int count)
    {
        (DataDirectory data, CommandEnvironment environment) = Open(directory);
        using var store = (SqliteStore)environment.Store;
        CertificateEntry ca = Seed.Authority(environment, "2048");
        File.WriteAllText(Path.Combine(directory, "ca.pem"), RosCert.Core.Export.PemExport.Certificates([ca.Der!]));
        // The peer signs the same list with the same key: handed over encrypted (passphrase "bench").
        File.WriteAllText(Path.Combine(directory, "ca.key"), RosCert.Core.Requests.PrivateKeys.ExportEncryptedPem(environment.Keys.Unseal(ca.PrivateKey!), "bench"));
        Seed.Revoked(data.DatabasePath, ca.Id, count, Path.Combine(directory, "index.txt"));
        System.Console.WriteLine(data.DatabasePath);
        return 0;
    }
}

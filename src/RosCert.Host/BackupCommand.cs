using RosCert.Store;
using RosCert.Store.Backup;
using RosCert.Store.Keys;

namespace RosCert.Host;

/// <summary>
/// <c>roscert backup FILE</c> and <c>roscert restore FILE</c> (RosCert extras, decision 0052): the
/// passphrase comes from <c>ROSCERT_BACKUP_PASSPHRASE</c>, else from the first line of standard input.
/// </summary>
internal static class BackupCommand
{
    public const string PassphraseVariable = "ROSCERT_BACKUP_PASSPHRASE";

    public static int Backup(string? dataDirectory, string file, TextWriter output)
    {
        string passphrase = Passphrase();
        DataDirectory directory = DataDirectory.Open(dataDirectory);
        using SqliteStore store = SqliteStore.Open(directory);
        StoreBackup.Save(store, MasterKeys(), passphrase, Path.GetFullPath(file));
        output.WriteLine($"backup: {Path.GetFullPath(file)} written");
        return 0;
    }

    public static int Restore(string? dataDirectory, string file, TextWriter output)
    {
        string passphrase = Passphrase();
        DataDirectory directory = DataDirectory.Open(dataDirectory);
        StoreBackup.Restore(Path.GetFullPath(file), passphrase, directory, MasterKeys());
        using (SqliteStore.Open(directory))
        {
            // Opening migrates a backup made by an older RosCert.
        }

        output.WriteLine($"restore: {directory.DatabasePath} restored");
        return 0;
    }

    private static AesGcmKeyProtector MasterKeys() => new(MasterKey.LoadOrCreate(MasterKey.ResolvePath()));

    private static string Passphrase()
    {
        string? passphrase = Environment.GetEnvironmentVariable(PassphraseVariable);
        if (string.IsNullOrEmpty(passphrase))
        {
            passphrase = System.Console.In.ReadLine();
        }

        return string.IsNullOrEmpty(passphrase) ? throw new UsageException("backup and restore need a passphrase (" + PassphraseVariable + " or standard input)") : passphrase;
    }
}

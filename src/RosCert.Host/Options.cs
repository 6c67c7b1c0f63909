namespace RosCert.Host;

/// <summary>Command-line options: <c>[--data-dir DIR] [serve | check | command line…]</c>.</summary>
internal sealed record Options(string? DataDirectory, bool Serve, bool Help, string? CommandLine, bool Check = false, string? Backup = null, string? Restore = null)
{
    public const string Usage = """
        usage: roscert [--data-dir DIR] [serve | check | backup FILE | restore FILE | COMMAND...]
          no COMMAND      interactive console (a terminal) or a script read from standard input
          COMMAND...      one console command line, e.g. /certificate print detail
          serve           run the daemon (network services and scheduled work)
          check           verify the store (database, sealed keys, names, issuers, CRLs);
                          prints what is wrong and exits 1 when anything is
          backup FILE     write the store to FILE encrypted under a passphrase
          restore FILE    restore FILE into an empty data dir under this machine's master key
                          (passphrase: $ROSCERT_BACKUP_PASSPHRASE, else the first input line)
          --data-dir DIR  the store (default $ROSCERT_DATA_DIR, else $XDG_DATA_HOME/roscert)

        """;

    public static Options Parse(string[] args)
    {
        string? dataDirectory = null;
        int index = 0;
        for (; index < args.Length; index++)
        {
            string arg = args[index];
            if (arg == "--data-dir")
            {
                dataDirectory = index + 1 < args.Length ? args[++index] : throw new UsageException("--data-dir needs a directory");
            }
            else if (arg.StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                dataDirectory = arg["--data-dir=".Length..];
            }
            else if (arg is "--help" or "-h")
            {
                return new Options(dataDirectory, false, true, null);
            }
            else
            {
                break;
            }
        }

        string[] rest = args[index..];
        bool serve = rest is ["serve", ..];
        bool check = rest is ["check"];
        string? backup = rest is ["backup", string saveTo] ? saveTo : null;
        string? restore = rest is ["restore", string loadFrom] ? loadFrom : null;
        string? line = rest.Length == 0 || serve || check || backup is not null || restore is not null ? null : string.Join(' ', rest);
        return new Options(dataDirectory, serve, false, line, check, backup, restore);
    }
}

internal sealed class UsageException(string message) : Exception(message);

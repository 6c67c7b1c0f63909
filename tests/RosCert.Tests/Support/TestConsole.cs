using Microsoft.Extensions.Time.Testing;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus;
using RosCert.Console.Execution;
using RosCert.Store;
using RosCert.Store.Files;
using RosCert.Store.Keys;
using RosCert.Tests.Store;

namespace RosCert.Tests.Support;

/// <summary>
/// A console on a fresh data dir under a fixed clock (2026-11-27 12:00:00 UTC), the UTC zone and a
/// master key of its own, with standard output and error captured together in order.
/// </summary>
internal sealed class TestConsole : IDisposable
{
    public static readonly DateTimeOffset FixedNow = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly SqliteStore _store;
    private readonly StringWriter _output = new() { NewLine = "\n" };

    public TestConsole(string? dataPath = null, Rights rights = Rights.Full)
    {
        string data = dataPath ?? _directory.Combine("data");
        DataDirectory directory = DataDirectory.Open(data, _ => null);
        _store = SqliteStore.Open(directory);
        Clock = new FakeTimeProvider(FixedNow);
        Environment = new CommandEnvironment
        {
            Store = _store,
            Files = new FilesArea(directory.FilesPath),
            Keys = new AesGcmKeyProtector(MasterKey.LoadOrCreate(MasterKeyPath)),
            Clock = Clock,
            HostZone = TimeZoneInfo.Utc,
            Catalogue = RouterOsCatalogue.Build(),
            KeySource = new FixedKeySource(),
            Serials = new CountingSerialSource(),
        };
        RosCert.Commands.Menus.Services.ServiceMenu.Seed(_store);
        DataPath = data;
        Engine = new ConsoleEngine(new Session(Environment, "admin", rights, Face.Console), _output, _output, 80);
    }

    public FakeTimeProvider Clock { get; }

    public string MasterKeyPath => _directory.Combine("config", "master.key");

    public CommandEnvironment Environment { get; }

    public ConsoleEngine Engine { get; }

    public string DataPath { get; }

    /// <summary>Runs one statement and returns everything it printed (output and errors).</summary>
    public string Run(string statement)
    {
        _output.GetStringBuilder().Clear();
        Engine.Run(statement);
        return _output.ToString();
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }
}

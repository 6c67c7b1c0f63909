using RosCert.Acme.Client;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Certificates.AcmeManaged;
using RosCert.Commands.Menus;
using RosCert.Commands.Menus.Services;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Store;
using RosCert.Store.Files;
using RosCert.Store.Keys;

namespace RosCert.Host;

/// <summary>The composition root: the only place that builds the object graph.</summary>
internal sealed class Composition : IDisposable
{
    private readonly SqliteStore _store;

    private Composition(SqliteStore store, CommandEnvironment environment)
    {
        _store = store;
        Environment = environment;
    }

    public CommandEnvironment Environment { get; }

    public static Composition Open(string? dataDirectory)
    {
        DataDirectory directory = DataDirectory.Open(dataDirectory);
        SqliteStore store = SqliteStore.Open(directory);
        var environment = new CommandEnvironment
        {
            Store = store,
            Files = new FilesArea(directory.FilesPath),
            Keys = new LazyKeyProtector(() => new AesGcmKeyProtector(MasterKey.LoadOrCreate(MasterKey.ResolvePath()))),
            Clock = TimeProvider.System,
            Catalogue = RouterOsCatalogue.Build(),
            KeySource = KeyPool.ForThisMachine(new RandomKeySource()),
            Serials = new RandomSerialSource(),
            CrlCache = RuntimeCrlCache.For(directory.Path),
            ScriptHostFactory = session => new RosCert.Console.Execution.ConsoleEngine(session, TextWriter.Null, TextWriter.Null),
            OutboundHttp = TrustedHttp.Create(() => AcmeService.TrustAnchors(store)),
            ChallengeListener = new AcmeChallengeListener(store),
        };
        ServiceMenu.Seed(store);
        return new Composition(store, environment);
    }

    public void Dispose() => _store.Dispose();

    /// <summary>Reads the master key only when a key is first sealed or opened, keeping start-up cheap.</summary>
    private sealed class LazyKeyProtector(Func<IKeyProtector> create) : IKeyProtector
    {
        private readonly Lazy<IKeyProtector> _inner = new(create);

        public SealedKey Seal(ReadOnlySpan<byte> pkcs8) => _inner.Value.Seal(pkcs8);

        public byte[] Unseal(SealedKey sealedKey) => _inner.Value.Unseal(sealedKey);
    }
}

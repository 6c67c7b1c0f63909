using RosCert.Commands.Catalogue;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Execution;

/// <summary>The services every command may use; built once by the host's composition root.</summary>
public sealed class CommandEnvironment
{
    public required IStore Store { get; init; }

    public required IFilesArea Files { get; init; }

    public required IKeyProtector Keys { get; init; }

    public required TimeProvider Clock { get; init; }

    /// <summary>The host's own zone: the default of <c>/system clock time-zone-name</c>.</summary>
    public TimeZoneInfo HostZone { get; init; } = TimeZoneInfo.Local;

    public required Catalogue.Catalogue Catalogue { get; init; }

    /// <summary>
    /// Makes a script runner for a session that has none (REST, the API, the scheduler): the console
    /// language lives in an outer layer, so the host supplies it.
    /// </summary>
    public Func<Session, IScriptHost>? ScriptHostFactory { get; init; }

    /// <summary>Makes new private keys (PKCS#8); tests inject fixed keys.</summary>
    public required Core.Issuance.IKeySource KeySource { get; init; }

    /// <summary>Serial numbers of issued certificates; tests inject a counter.</summary>
    public required Core.Issuance.ISerialSource Serials { get; init; }

    /// <summary>Where <c>crl-store=ram</c> keeps downloaded CRLs; null: nowhere (ram CRLs are then not kept).</summary>
    public Core.Ports.ICrlCache? CrlCache { get; init; }

    /// <summary>Time and size limits of CRL downloads; tests shorten them.</summary>
    public Menus.Certificates.CrlFetchLimits CrlFetch { get; init; } = Menus.Certificates.CrlFetchLimits.Default;

    /// <summary>
    /// Outbound HTTPS of the ACME client; the host builds it once with RosCert's trusted
    /// certificates (<see cref="Acme.Client.TrustedHttp"/>). Null: built on first use the same way.
    /// </summary>
    public HttpClient? OutboundHttp { get; init; }

    /// <summary>
    /// Serves stored http-01 answers on the www port while an order runs, when no daemon does
    /// (the host implements it over Kestrel); null: only a running daemon answers.
    /// </summary>
    public Menus.Certificates.AcmeManaged.IChallengeListener? ChallengeListener { get; init; }
}

/// <summary>Where a command came from: decides file-name rules and messages.</summary>
public enum Face
{
    Console,
    Rest,
    Api,
    Scheduler,
}

/// <summary>Runs RouterOS script source in the session's language (the console engine).</summary>
public interface IScriptHost
{
    void RunScript(string source);
}

/// <summary>Lines a command shows while it runs (warnings, <c>progress:</c> updates).</summary>
public interface ICommandOutput
{
    void Line(string text);

    /// <summary>An in-place status line (<c>progress: …</c>); a terminal rewrites it, a script prints the last.</summary>
    void Progress(string text);
}

/// <summary>
/// One user's conversation with RosCert: a console session, a REST request, an API connection.
/// Holds the print numbers of the last <c>print</c> of each menu (RouterOS item numbers).
/// </summary>
public sealed class Session(CommandEnvironment environment, string user, Rights rights, Face face)
{
    private readonly Dictionary<string, ItemId[]> _printNumbers = new(StringComparer.Ordinal);

    public CommandEnvironment Environment { get; } = environment;

    public string User { get; } = user;

    public Rights Rights { get; } = rights;

    public Face Face { get; } = face;

    /// <summary>The client's address on remote faces (REST, API), for the audit trail; null on the console and scheduler.</summary>
    public string? Address { get; init; }

    public ICommandOutput Output { get; set; } = NullOutput.Instance;

    /// <summary>
    /// Asks the user for a secret without echo (the console's <c>passphrase:</c> prompt); null where
    /// nobody can answer (scripts, remote faces).
    /// </summary>
    public Func<string, string?>? AskSecret { get; set; }

    /// <summary>Runs script text for <c>/import</c>; the console sets it, faces without scripts leave it null.</summary>
    public IScriptHost? ScriptHost { get; set; }

    /// <summary>A local console may name absolute file paths; remote faces never may.</summary>
    public bool LocalFileAccess => Face == Face.Console;

    public void RememberPrintNumbers(Menu menu, IEnumerable<ItemId> ids) => _printNumbers[menu.Path] = [.. ids];

    public IReadOnlyList<ItemId>? PrintNumbers(Menu menu) => _printNumbers.GetValueOrDefault(menu.Path);

    private sealed class NullOutput : ICommandOutput
    {
        public static readonly NullOutput Instance = new();

        public void Line(string text)
        {
        }

        public void Progress(string text)
        {
        }
    }
}

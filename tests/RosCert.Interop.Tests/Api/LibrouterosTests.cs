using System.Net;
using System.Net.Sockets;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus;
using RosCert.Commands.Menus.Users;
using RosCert.Core.Issuance;
using RosCert.Server.Api;
using RosCert.Store;
using RosCert.Store.Files;
using RosCert.Store.Keys;
using Xunit;

namespace RosCert.Interop.Tests.Api;

/// <summary>
/// python3-librouteros (3.x, the post-6.43 plain login) against <see cref="ApiConnection"/> on an
/// in-process TcpListener on 127.0.0.1: login, <c>/certificate/add</c>, <c>sign</c>, <c>print</c>, a query.
/// </summary>
public sealed class LibrouterosTests : IDisposable
{
    /// <summary>The Debian interpreter: python3-librouteros installs into its dist-packages, not into a pyenv or venv python.</summary>
    private const string DebianPython = "/usr/bin/python3";

    private readonly string _root = Directory.CreateTempSubdirectory("roscert-api-").FullName;
    private readonly SqliteStore _store;
    private readonly CommandEnvironment _environment;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public LibrouterosTests()
    {
        DataDirectory directory = DataDirectory.Open(Path.Combine(_root, "data"), _ => null);
        _store = SqliteStore.Open(directory);
        _environment = new CommandEnvironment
        {
            Store = _store,
            Files = new FilesArea(directory.FilesPath),
            Keys = new AesGcmKeyProtector(MasterKey.LoadOrCreate(Path.Combine(_root, "master.key"))),
            Clock = TimeProvider.System,
            HostZone = TimeZoneInfo.Utc,
            Catalogue = RouterOsCatalogue.Build(),
            KeySource = new RandomKeySource(),
            Serials = new RandomSerialSource(),
        };
    }

    [Fact]
    public async Task Librouteros_logs_in_adds_signs_and_prints()
    {
        // A password user, since librouteros talks from 127.0.0.1 and admin's empty password would do too.
        var authenticator = new UserAuthenticator(_environment, _ => { });
        RunConsoleLikeChange("/user/add", ("name", "py"), ("group", "full"), ("password", "s3cret"));
        _listener.Start();
        Task serving = ServeTwoAsync(authenticator);

        int port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        string script = ScriptPath("librouteros_client.py");
        Peer.Result result = await Task.Run(() => Peer.Run(DebianPython, [script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), "py", "s3cret"], timeoutSeconds: 120));
        Assert.True(result.ExitCode == 0, result.All);

        string output = result.Output;
        Assert.Contains("wrong password: invalid user name or password (6)", output, StringComparison.Ordinal);
        Assert.Contains("add: *1", output, StringComparison.Ordinal);
        Assert.Contains("add: *2", output, StringComparison.Ordinal);
        Assert.Contains("sign: ({'progress': 'done'},)", output, StringComparison.Ordinal);
        Assert.Contains("print: *1 py-ca Python CA key CN=Python CA", output, StringComparison.Ordinal);
        Assert.Contains("print: *2 py-leaf leaf.example key CN=Python CA", output, StringComparison.Ordinal);
        Assert.Contains("query: ({'name': 'py-leaf', 'issued': True},)", output, StringComparison.Ordinal);
        Assert.Contains("missing item: no such item", output, StringComparison.Ordinal);
        Assert.EndsWith("done\n", output, StringComparison.Ordinal);
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Serves the two connections the script opens (the refused login stays open), each on its own task.</summary>
    private async Task ServeTwoAsync(UserAuthenticator authenticator)
    {
        var connections = new List<Task>();
        for (int i = 0; i < 2; i++)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            connections.Add(ServeAsync(client, authenticator));
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client, UserAuthenticator authenticator)
    {
        using (client)
        {
            IPAddress remote = ((IPEndPoint)client.Client.RemoteEndPoint!).Address;
            await ApiConnection.RunAsync(client.GetStream(), remote, _environment, authenticator, _stop.Token);
        }
    }

    private void RunConsoleLikeChange(string path, params (string Name, string Value)[] arguments)
    {
        var session = new Session(_environment, "admin", Commands.Catalogue.Rights.Full, Face.Api);
        int slash = path.LastIndexOf('/');
        Commands.Catalogue.Menu menu = _environment.Catalogue.Find(path[..slash])!;
        var values = arguments.ToDictionary(a => a.Name, a => Commands.Values.RosValue.Of(a.Value));
        CommandRunner.Run(session, menu, menu.Command(path[(slash + 1)..])!, values);
    }

    /// <summary>A client script of this folder, found in the source tree above the test binaries.</summary>
    internal static string ScriptPath(string name)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "RosCert.Interop.Tests", "Api", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name + " not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus;
using RosCert.Server.Rest;
using RosCert.Store;
using RosCert.Store.Files;
using RosCert.Store.Keys;
using RosCert.Tests.Store;
using RosCert.Tests.Support;

namespace RosCert.Tests.Rest;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, serving <c>/rest</c> over a fresh data dir
/// under the fixed clock and keys of <see cref="TestConsole"/>; <see cref="Console"/> opens a console
/// on the same data dir, as a second process would.
/// </summary>
internal sealed class RestHost : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteStore _store;
    private readonly WebApplication _app;
    private readonly List<IDisposable> _owned = [];

    private RestHost(RestOptions? options)
    {
        DataPath = _directory.Combine("data");
        DataDirectory directory = DataDirectory.Open(DataPath, _ => null);
        _store = SqliteStore.Open(directory);
        Environment = new CommandEnvironment
        {
            Store = _store,
            Files = new FilesArea(directory.FilesPath),
            Keys = new AesGcmKeyProtector(MasterKey.LoadOrCreate(_directory.Combine("config", "master.key"))),
            Clock = new FakeTimeProvider(TestConsole.FixedNow),
            HostZone = TimeZoneInfo.Utc,
            Catalogue = RouterOsCatalogue.Build(),
            KeySource = new FixedKeySource(),
            Serials = new CountingSerialSource(),
            ScriptHostFactory = session => new RosCert.Console.Execution.ConsoleEngine(session, TextWriter.Null, TextWriter.Null),
        };
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapRest(Environment, new TestAuthenticator(), options);
    }

    public CommandEnvironment Environment { get; }

    public string DataPath { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<RestHost> StartAsync(RestOptions? options = null)
    {
        var host = new RestHost(options);
        await host._app.StartAsync();
        host.BaseAddress = new Uri(host._app.Urls.Single());
        return host;
    }

    /// <summary>A client sending HTTP Basic credentials with every request.</summary>
    public HttpClient Client(string user = "admin", string password = "pw")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        _owned.Add(client);
        return client;
    }

    /// <summary>A console on the same data dir, disposed with the host.</summary>
    public TestConsole Console()
    {
        var console = new TestConsole(DataPath);
        _owned.Add(console);
        return console;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }

        await _app.DisposeAsync();
        _store.Dispose();
        _directory.Dispose();
    }
}

/// <summary>Sends JSON and reads replies as <see cref="JsonElement"/>.</summary>
internal static class RestCalls
{
    public static Task<HttpResponseMessage> Send(this HttpClient client, string method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>An object's members in order, as "key=value" words (every value must be a string).</summary>
    public static string[] Words(this JsonElement item) =>
        item.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).ToArray();
}

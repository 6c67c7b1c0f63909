using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus;
using RosCert.Core.Issuance;
using RosCert.Server.Rest;
using RosCert.Store;
using RosCert.Store.Files;
using RosCert.Store.Keys;
using Xunit;

namespace RosCert.Interop.Tests.Rest;

/// <summary>curl, as scripts drive the RouterOS REST API, against RosCert's REST face on a real socket.</summary>
public sealed class CurlTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("roscert-rest-").FullName;
    private SqliteStore? _store;
    private WebApplication? _app;
    private string _base = "";

    public async Task InitializeAsync()
    {
        DataDirectory directory = DataDirectory.Open(Path.Combine(_root, "data"), _ => null);
        _store = SqliteStore.Open(directory);
        var environment = new CommandEnvironment
        {
            Store = _store,
            Files = new FilesArea(directory.FilesPath),
            Keys = new AesGcmKeyProtector(MasterKey.LoadOrCreate(Path.Combine(_root, "master.key"))),
            Clock = TimeProvider.System,
            Catalogue = RouterOsCatalogue.Build(),
            KeySource = new RandomKeySource(),
            Serials = new RandomSerialSource(),
        };
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapRest(environment, new AdminOnly());
        await _app.StartAsync();
        _base = _app.Urls.Single();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _store?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Curl_adds_a_template_with_put_and_lists_it_as_a_json_array()
    {
        string put = Curl("-X", "PUT", "-H", "content-type:application/json", "-d", """{"name":"x","common-name":"y"}""", _base + "/rest/certificate");
        string list = Curl(_base + "/rest/certificate");

        using JsonDocument created = JsonDocument.Parse(put);
        Assert.Equal("*1", created.RootElement.GetProperty(".id").GetString());
        using JsonDocument listed = JsonDocument.Parse(list);
        JsonElement item = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal("y", item.GetProperty("common-name").GetString());
        Assert.Equal("false", item.GetProperty("trusted").GetString());
    }

    [Fact]
    public void Curl_sees_401_with_a_wrong_password_and_406_for_an_unknown_command()
    {
        Peer.Result unauthorized = Peer.Run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:wrong", _base + "/rest/certificate"]);
        Peer.Result unknown = Peer.Run("curl", ["-s", "-u", "admin:pw", "-X", "POST", "-d", "{}", _base + "/rest/certificate/frobnicate"]);

        Assert.Equal("401", unauthorized.Output);
        Assert.Equal("""{"error":406,"message":"Not Acceptable","detail":"no such command or directory (frobnicate)"}""", unknown.Output);
    }

    /// <summary>Runs <c>curl -sS --fail-with-body -u admin:pw …</c> and returns the body.</summary>
    private static string Curl(params string[] arguments) =>
        Peer.Ok("curl", ["-sS", "--fail-with-body", "-u", "admin:pw", .. arguments]).Output;

    private sealed class AdminOnly : IAuthenticator
    {
        public Principal? Authenticate(string user, string password, IPAddress remote, string via = "") =>
            user == "admin" && password == "pw" ? new Principal("admin", Rights.Full) : null;
    }
}

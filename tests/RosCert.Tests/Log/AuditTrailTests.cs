using RosCert.Core.Ports;
using RosCert.Tests.Api;
using RosCert.Tests.Rest;
using Xunit;

namespace RosCert.Tests.Log;

/// <summary>
/// The audit trail over the remote faces (issue 10): a change made over REST or the API is logged
/// with the user, the face and the client address; no face can change or remove an entry.
/// (The console's side is the transcript tests/cases/log.txt.)
/// </summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task A_rest_change_is_logged_with_face_and_address_and_entries_cannot_be_changed_over_rest()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpClient client = host.Client();
        Assert.True((await client.Send("PUT", "/rest/certificate", """{"name":"web","common-name":"web"}""")).IsSuccessStatusCode);

        Assert.Equal(["/certificate add common-name=web name=web by admin via rest from 127.0.0.1"], Messages(host.Environment.Store));
        foreach ((string method, string json) in new[] { ("DELETE", ""), ("PATCH", """{"message":"forged"}""") })
        {
            HttpResponseMessage reply = await client.Send(method, "/rest/log/*1", method == "DELETE" ? null : json);
            Assert.False(reply.IsSuccessStatusCode, method + " changed a log entry");
        }

        Assert.False((await client.Send("PUT", "/rest/log", """{"message":"forged"}""")).IsSuccessStatusCode);
        Assert.Equal(["/certificate add common-name=web name=web by admin via rest from 127.0.0.1"], Messages(host.Environment.Store));
    }

    [Fact]
    public void An_api_change_is_logged_with_face_and_address_and_entries_cannot_be_changed_over_the_api()
    {
        using var server = new ApiTestServer();
        using ApiTestClient client = server.Connect();
        client.Login();
        Assert.Equal("!done", client.Call("/certificate/add", "=name=web", "=common-name=web")[^1][0]);

        Assert.Equal("!trap", client.Call("/log/remove", "=.id=*1")[0][0]);
        Assert.Equal("!trap", client.Call("/log/set", "=.id=*1", "=message=forged")[0][0]);
        Assert.Equal(["/certificate add common-name=web name=web by admin via api from 127.0.0.1"], Messages(server.Console.Environment.Store));
    }

    [Fact]
    public void A_failed_or_refused_command_leaves_no_entry()
    {
        using var console = new Support.TestConsole(rights: RosCert.Commands.Catalogue.Rights.Read);
        Assert.Equal("not enough permissions\n", console.Run("add name=x common-name=x"));
        Assert.Empty(Messages(console.Environment.Store));
    }

    private static string[] Messages(IStore store) =>
        [.. store.Read(r => r.Items("/log")).Where(i => i.Properties["topics"].StartsWith("audit", StringComparison.Ordinal)).Select(i => i.Properties["message"])];
}

using System.Net;
using RosCert.Commands.Menus.Users;
using RosCert.Core.Ports;
using RosCert.Tests.Api;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Log;

/// <summary>
/// Security events in <c>/log</c> (issue 10): refused logins of the remote faces as RouterOS writes
/// them (topics <c>system,error,critical</c>), never with the password; <c>print show-sensitive</c>
/// recorded in the audit trail.
/// </summary>
public sealed class SecurityEventLogTests
{
    private const string WrongPassword = "Wr0ng-Secret-42";

    [Fact]
    public void A_refused_api_login_is_logged_as_routeros_does_without_the_password()
    {
        using var server = new ApiTestServer();
        using ApiTestClient client = server.Connect();

        Assert.Equal("!trap", client.Call("/login", "=name=admin", "=password=" + WrongPassword)[0][0]);

        ItemRecord entry = Assert.Single(Entries(server.Console.Environment.Store, "system"));
        Assert.Equal("system,error,critical", entry.Properties["topics"]);
        Assert.Equal("login failure for user admin from 127.0.0.1 via api", entry.Properties["message"]);
        AssertNoPassword(server.Console.Environment.Store);
    }

    [Fact]
    public void Unknown_users_and_rest_failures_are_logged_and_a_good_login_is_not()
    {
        using var console = new TestConsole();
        var authenticator = new UserAuthenticator(console.Environment, _ => { });

        Assert.Null(authenticator.Authenticate("nobody\nforged", WrongPassword, IPAddress.Parse("127.0.0.2"), "rest"));
        Assert.NotNull(authenticator.Authenticate("admin", "", IPAddress.Loopback, "rest"));

        ItemRecord entry = Assert.Single(Entries(console.Environment.Store, "system"));
        Assert.Equal("""login failure for user "nobody\0Aforged" from 127.0.0.2 via rest""", entry.Properties["message"]);
        AssertNoPassword(console.Environment.Store);
    }

    [Fact]
    public void Print_show_sensitive_is_recorded_and_a_plain_print_is_not()
    {
        using var console = new TestConsole();
        console.Run("/certificate print");
        Assert.Empty(Entries(console.Environment.Store, "audit"));

        console.Run("/certificate print show-sensitive");

        ItemRecord entry = Assert.Single(Entries(console.Environment.Store, "audit"));
        Assert.StartsWith("/certificate print show-sensitive", entry.Properties["message"], StringComparison.Ordinal);
        Assert.Contains(" by admin via console", entry.Properties["message"], StringComparison.Ordinal);
    }

    private static ItemRecord[] Entries(IStore store, string firstTopic) =>
        [.. store.Read(r => r.Items("/log")).Where(i => i.Properties["topics"].StartsWith(firstTopic + ",", StringComparison.Ordinal))];

    private static void AssertNoPassword(IStore store) =>
        Assert.DoesNotContain(store.Read(r => r.Items("/log")), i => i.Properties.Values.Any(v => v.Contains(WrongPassword, StringComparison.Ordinal)));
}

using RosCert.Server.Api;
using Xunit;

namespace RosCert.Tests.Api;

/// <summary>Whole conversations over TCP on 127.0.0.1 with <see cref="ApiConnection"/>, as the API manual describes them.</summary>
public sealed class ApiConversationTests : IDisposable
{
    private readonly ApiTestServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Commands_before_login_are_refused_and_a_wrong_password_keeps_the_connection()
    {
        using ApiTestClient client = _server.Connect();
        Assert.Equal([["!trap", "=message=not logged in"], ["!done"]], client.Call("/certificate/print"));
        Assert.Equal([["!trap", "=message=invalid user name or password (6)"], ["!done"]], client.Call("/login", "=name=admin", "=password=wrong"));
        Assert.Equal([["!done"]], client.Call("/login", "=name=admin", "=password="));
        Assert.Equal("!done", client.Call("/certificate/print")[^1][0]);
    }

    [Fact]
    public void Add_returns_the_id_and_print_filters_with_queries_and_proplist()
    {
        using ApiTestClient client = _server.Connect();
        client.Login();
        Assert.Equal([["!done", "=ret=*1"]], client.Call("/certificate/add", "=name=ca", "=common-name=CA"));
        Assert.Equal([["!done", "=ret=*2"]], client.Call("/certificate/add", "=name=web", "=common-name=web.example"));

        var replies = client.Call("/certificate/print", "?name=web", "=.proplist=.id,name,common-name");
        Assert.Equal([["!re", "=.id=*2", "=name=web", "=common-name=web.example"], ["!done"]], replies);

        var both = client.Call("/certificate/print", "?name=ca", "?name=web", "?#|", "=.proplist=name");
        Assert.Equal([["!re", "=name=ca"], ["!re", "=name=web"], ["!done"]], both);

        var notCa = client.Call("/certificate/print", "?name=ca", "?#!", "=.proplist=name");
        Assert.Equal([["!re", "=name=web"], ["!done"]], notCa);
    }

    [Fact]
    public void Print_shows_every_property_with_booleans_as_true_and_false()
    {
        using ApiTestClient client = _server.Connect();
        client.Login();
        client.Call("/certificate/add", "=name=ca", "=common-name=CA");
        IReadOnlyList<string> item = client.Call("/certificate/print")[0];
        Assert.Equal("!re", item[0]);
        Assert.Equal("=.id=*1", item[1]);
        Assert.Contains("=name=ca", item);
        Assert.Contains("=private-key=false", item);
        Assert.DoesNotContain(item, w => w.StartsWith("=invalid-after=", StringComparison.Ordinal));
        Assert.Equal([["!re", "=name=ca"], ["!done"]], client.Call("/certificate/print", "?private-key=false", "?-invalid-after", "?name", "=.proplist=name"));
        Assert.Equal([["!done"]], client.Call("/certificate/print", "?invalid-after", "=.proplist=name"));
    }

    [Fact]
    public void Tag_is_echoed_on_every_reply()
    {
        using ApiTestClient client = _server.Connect();
        client.Login();
        client.Call("/certificate/add", "=name=a", "=common-name=a");
        client.Call("/certificate/add", "=name=b", "=common-name=b");
        var replies = client.Call("/certificate/print", ".tag=42", "=.proplist=name");
        Assert.Equal(3, replies.Count);
        Assert.All(replies, r => Assert.Equal(".tag=42", r[^1]));
        Assert.Equal([["!trap", "=category=0", "=message=no such command", ".tag=x"], ["!done", ".tag=x"]], client.Call("/certificate/nothing", ".tag=x"));
    }

    [Fact]
    public void Errors_are_traps_with_the_routeros_text()
    {
        using ApiTestClient client = _server.Connect();
        client.Login();
        Assert.Equal([["!trap", "=category=0", "=message=no such command prefix"], ["!done"]], client.Call("/nowhere/print"));
        Assert.Equal([["!trap", "=category=0", "=message=no such item"], ["!done"]], client.Call("/certificate/remove", "=.id=*99"));
        Assert.Equal([["!trap", "=category=1", "=message=input does not match any value of key-size"], ["!done"]],
            client.Call("/certificate/add", "=name=a", "=common-name=a", "=key-size=3"));
        Assert.Equal([["!trap", "=category=1", "=message=invalid query"], ["!done"]], client.Call("/certificate/print", "?#|"));
        Assert.Equal([["!done"]], client.Call("/cancel"));
    }

    [Fact]
    public void Set_get_and_remove_take_the_id()
    {
        using ApiTestClient client = _server.Connect();
        client.Login();
        client.Call("/certificate/add", "=name=a", "=common-name=a");
        Assert.Equal([["!done"]], client.Call("/certificate/set", "=.id=*1", "=common-name=b"));
        Assert.Equal([["!done", "=ret=b"]], client.Call("/certificate/get", "=.id=*1", "=value-name=common-name"));
        Assert.Equal([["!done", "=ret=1"]], client.Call("/certificate/print", "=count-only="));
        Assert.Equal([["!done"]], client.Call("/certificate/remove", "=.id=*1"));
        Assert.Equal([["!done"]], client.Call("/certificate/print"));
    }

    [Fact]
    public void Settings_menus_answer_one_item()
    {
        using ApiTestClient client = _server.Connect();
        client.Login();
        Assert.Equal([["!re", "=name=RosCert"], ["!done"]], client.Call("/system/identity/print"));
    }

    [Fact]
    public void Rights_come_from_the_users_group()
    {
        _server.Console.Run("/user add name=reader group=read password=pw");
        using ApiTestClient client = _server.Connect();
        client.Login("reader", "pw");
        Assert.Equal("!done", client.Call("/certificate/print")[^1][0]);
        Assert.Equal([["!trap", "=message=not enough permissions"], ["!done"]], client.Call("/certificate/add", "=name=a", "=common-name=a"));
        Assert.DoesNotContain(client.Call("/user/print"), r => r.Any(w => w.StartsWith("=password", StringComparison.Ordinal)));
    }

    [Fact]
    public void Bad_framing_closes_only_that_connection()
    {
        using ApiTestClient good = _server.Connect();
        good.Login();
        using ApiTestClient bad = _server.Connect();
        bad.SendRaw([0xF8, 0x01, 0x02]);
        IReadOnlyList<string>? fatal = bad.Read();
        Assert.Equal("!fatal", fatal![0]);
        Assert.Null(bad.Read());
        Assert.Equal([["!re", "=name=RosCert"], ["!done"]], good.Call("/system/identity/print"));
    }

    [Fact]
    public void Quit_ends_the_session()
    {
        using ApiTestClient client = _server.Connect();
        Assert.Equal([["!fatal", "session terminated on request"]], client.Call("/quit"));
        Assert.Null(client.Read());
    }

    [Fact]
    public void Oversized_sentences_before_login_are_refused()
    {
        using ApiTestClient client = _server.Connect();
        client.Send("/login", "=name=" + new string('a', 20_000));
        Assert.Equal("!fatal", client.Read()![0]);
    }
}

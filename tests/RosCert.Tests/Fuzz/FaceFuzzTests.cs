using System.Net;
using System.Text;
using CsCheck;
using RosCert.Commands.Catalogue;
using RosCert.Tests.Api;
using RosCert.Tests.Rest;
using Xunit;

namespace RosCert.Tests.Fuzz;

/// <summary>
/// Random requests to the network faces (issue 10): REST bodies and query strings to a real Kestrel on
/// loopback, API sentences to a real API listener. No request crashes the server (no 500, no dropped
/// connection), none hangs, and a refused one leaves the store as it was.
/// </summary>
public sealed class FaceFuzzTests
{
    private static readonly string[] s_methods = ["GET", "PUT", "POST", "PATCH", "DELETE"];

    [Fact]
    public async Task Random_rest_requests_never_crash_and_a_refused_one_changes_nothing()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpClient client = host.Client();
        client.Timeout = Fuzz.PerInput;
        Menu[] menus = Fuzz.CommandMenus(host.Environment.Catalogue);
        Gen<(string Method, string Path, byte[]? Body)> requests = Gen.Select(
            Gen.Int[0, s_methods.Length - 1], Gen.Int[0, menus.Length - 1], Gen.Int[0, 3], Fuzz.Value, RestBodies())
            .Select((m, menu, tail, value, body) => (s_methods[m], RestPath(menus[menu], tail, value), body));

        foreach ((string method, string path, byte[]? body) in requests.Array[(int)Fuzz.Iterations(300)].Single())
        {
            long before = host.Environment.Store.ChangeVersion();
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } };
            }

            using HttpResponseMessage reply = await client.SendAsync(request);
            string shown = $"{method} {path} {(body is null ? "" : Encoding.UTF8.GetString(body))}";
            Assert.True(reply.StatusCode != HttpStatusCode.InternalServerError, "500 for " + shown + ": " + await reply.Content.ReadAsStringAsync());
            if (!reply.IsSuccessStatusCode) // 200, or 204 for DELETE
            {
                Assert.True(before == host.Environment.Store.ChangeVersion(), $"refused ({(int)reply.StatusCode}) but changed the store: {shown}");
            }
        }
    }

    [Fact]
    public void Random_api_sentences_never_crash_and_a_trapped_one_changes_nothing()
    {
        using var server = new ApiTestServer();
        server.Console.Run("add name=ca common-name=CA key-size=prime256v1 key-usage=key-cert-sign,crl-sign");
        server.Console.Run("sign ca");
        Menu[] menus = Fuzz.CommandMenus(server.Console.Environment.Catalogue);
        Gen<string[]> sentences = Gen.Int[0, menus.Length - 1].SelectMany(m =>
        {
            Menu menu = menus[m];
            return Gen.Int[0, menu.Commands.Count - 1].SelectMany(c =>
            {
                CommandDef command = menu.Commands[c];
                string[] names = [.. command.Arguments.Select(a => a.Name), ".id", ".proplist", ".tag", "numbers"];
                Gen<string> attribute = Gen.Select(Gen.OneOfConst("=", "?", "?-", "?#", ""), Gen.Int[0, names.Length - 1], Fuzz.Value)
                    .Select((prefix, n, value) => prefix + names[n] + "=" + value);
                return attribute.Array[0, 5].Select(words => (string[])[$"{menu.Path}/{command.Name}", .. words]);
            });
        });

        ApiTestClient client = LoggedIn(server);
        try
        {
            foreach (string[] sentence in sentences.Array[(int)Fuzz.Iterations(300)].Single())
            {
                long before = server.Console.Environment.Store.ChangeVersion();
                List<IReadOnlyList<string>> replies = [];
                Fuzz.Within(string.Join(' ', sentence), () => replies = client.Call(sentence));
                string shown = string.Join(' ', sentence);
                Assert.True(replies.Count > 0 && replies[^1][0] is "!done" or "!fatal", "no reply to " + shown);
                if (replies.Any(r => r[0] is "!trap" or "!fatal"))
                {
                    Assert.True(before == server.Console.Environment.Store.ChangeVersion(), "trapped but changed the store: " + shown);
                }

                if (replies[^1][0] == "!fatal")
                {
                    client.Dispose();
                    client = LoggedIn(server);
                }
            }
        }
        finally
        {
            client.Dispose();
        }
    }

    private static ApiTestClient LoggedIn(ApiTestServer server)
    {
        ApiTestClient client = server.Connect();
        client.Login();
        return client;
    }

    /// <summary>/rest/menu, /rest/menu/command, /rest/menu/*id or /rest/menu?query.</summary>
    private static string RestPath(Menu menu, int tail, string value)
    {
        string path = "/rest" + menu.Path;
        string escaped = Uri.EscapeDataString(value);
        return tail switch
        {
            0 => path,
            1 => path + "/" + menu.Commands[Math.Abs(value.Length) % menu.Commands.Count].Name,
            2 => path + "/" + escaped,
            _ => path + "?name=" + escaped + "&.proplist=" + escaped,
        };
    }

    /// <summary>JSON objects of argument-like members with strings, numbers, booleans, nulls, arrays and objects; or broken JSON.</summary>
    private static Gen<byte[]?> RestBodies()
    {
        Gen<string> scalar = Gen.OneOf(
            Fuzz.Value.Select(v => System.Text.Json.JsonSerializer.Serialize(v)),
            Gen.OneOfConst("1", "-1", "1e400", "true", "false", "null", "[]", "{}", "[\"a\",1]", "{\"a\":{\"b\":[1]}}"));
        Gen<string> member = Gen.Select(Gen.OneOfConst("name", "common-name", "numbers", ".id", "ca", "key-size", "file-name", "days-valid", "x", ""), scalar)
            .Select((name, value) => $"\"{name}\":{value}");
        Gen<string> json = member.Array[0, 5].Select(members => "{" + string.Join(',', members) + "}");
        return Gen.Frequency(
            (1, Gen.Bool.Select(_ => (byte[]?)null)),
            (5, json.Select(text => (byte[]?)Encoding.UTF8.GetBytes(text))),
            (2, Gen.Byte.Array[0, 64].Select(bytes => (byte[]?)bytes)),
            (1, json.Select(text => (byte[]?)Encoding.UTF8.GetBytes(text[..(text.Length / 2)]))));
    }
}

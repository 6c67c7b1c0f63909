using System.Net;
using RosCert.Server.Rest;
using Xunit;

namespace RosCert.Tests.Rest;

/// <summary>REST error answers: status, reason phrase and the console's text as detail (reference §5.1).</summary>
public sealed class RestErrorTests
{
    [Fact]
    public async Task A_command_outliving_the_time_limit_is_answered_session_closed_and_still_completes()
    {
        await using RestHost host = await RestHost.StartAsync(new RestOptions { CommandTimeout = TimeSpan.FromMilliseconds(300) });
        HttpClient client = host.Client();
        await client.Send("PUT", "rest/system/script", """{"name":"slow","source":":delay 1s; /certificate add name=late common-name=late"}""");

        HttpResponseMessage response = await client.Send("POST", "rest/system/script/run", """{"number":"slow"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":400,"message":"Bad Request","detail":"Session closed"}""", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("late", await client.GetStringAsync("rest/certificate"), StringComparison.Ordinal);
        for (int i = 0; i < 100 && !(await client.GetStringAsync("rest/certificate")).Contains("late", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("late", await client.GetStringAsync("rest/certificate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_or_none_is_401_with_a_basic_challenge()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpResponseMessage wrong = await host.Client("admin", "nope").GetAsync("/rest/certificate");
        HttpResponseMessage none = await new HttpClient { BaseAddress = host.BaseAddress }.GetAsync("/rest/certificate");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("""{"error":401,"message":"Unauthorized"}""", await wrong.Content.ReadAsStringAsync());
        Assert.Equal("Basic realm=\"RosCert\"", wrong.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/rest/certificate/*99")]
    [InlineData("GET", "/rest/certificate/nosuch")]
    [InlineData("PATCH", "/rest/certificate/*99")]
    [InlineData("DELETE", "/rest/certificate/7")]
    public async Task An_unknown_item_is_404_without_detail(string method, string path)
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpResponseMessage response = await host.Client().Send(method, path, method == "PATCH" ? "{}" : null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":404,"message":"Not Found"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("PUT", "/rest/certificate", """{"name":"x","key-size":"123"}""", 400, "input does not match any value of key-size")]
    [InlineData("PUT", "/rest/certificate", """{"name":"x","bogus":"1"}""", 400, "unknown parameter bogus")]
    [InlineData("PUT", "/rest/certificate", """{"name":"x","days-valid":"many"}""", 400, "invalid value for argument days-valid: expected number")]
    [InlineData("POST", "/rest/system/identity/remove", "{}", 406, "no such command or directory (remove)")]
    [InlineData("POST", "/rest/certificate/sign", """{"number":"*9"}""", 404, "no such item")]
    [InlineData("GET", "/rest/nosuch/menu", null, 400, "no such command or directory (nosuch)")]
    [InlineData("POST", "/rest/certificate/import", """{"file-name":"../../x"}""", 400, "failure: file name may not leave the files area")]
    public async Task Command_errors_carry_the_routeros_text(string method, string path, string? body, int status, string detail)
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpResponseMessage response = await host.Client().Send(method, path, body);
        string reason = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal($$"""{"error":{{status}},"message":"{{reason}}","detail":"{{detail}}"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("[1,2]")]
    [InlineData("{\"name\":{\"a\":1}}")]
    public async Task Malformed_bodies_are_400(string body)
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpResponseMessage response = await host.Client().Send("PUT", "/rest/certificate", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"detail\":", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using RestHost host = await RestHost.StartAsync();
        string huge = "{\"name\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        HttpResponseMessage response = await host.Client().Send("PUT", "/rest/certificate", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_read_user_cannot_sign_change_or_export_a_key_but_can_print()
    {
        await using RestHost host = await RestHost.StartAsync();
        await host.Client().Send("PUT", "/rest/certificate", """{"name":"srv","common-name":"srv"}""");
        HttpClient reader = host.Client("reader", "pw");

        HttpResponseMessage sign = await reader.Send("POST", "/rest/certificate/sign", """{"number":"srv"}""");
        HttpResponseMessage add = await reader.Send("PUT", "/rest/certificate", """{"name":"t"}""");
        await host.Client().Send("POST", "/rest/certificate/sign", """{"number":"srv"}""");
        HttpResponseMessage export = await reader.Send("POST", "/rest/certificate/export-certificate", """{"numbers":"srv","export-passphrase":"secret"}""");
        HttpResponseMessage print = await reader.GetAsync("/rest/certificate/srv");

        const string Refused = """{"error":403,"message":"Forbidden","detail":"not enough permissions"}""";
        Assert.Equal(Refused, await sign.Content.ReadAsStringAsync());
        Assert.Equal(Refused, await add.Content.ReadAsStringAsync());
        Assert.Equal(Refused, await export.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
    }
}

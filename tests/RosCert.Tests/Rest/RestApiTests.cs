using System.Net;
using System.Text.Json;
using Xunit;

namespace RosCert.Tests.Rest;

/// <summary>The REST face against a real Kestrel server: verbs, JSON shape, filters (reference §5).</summary>
public sealed class RestApiTests
{
    private const string CaTemplate = """{"name":"ca","common-name":"CA","key-usage":"key-cert-sign,crl-sign"}""";

    [Fact]
    public async Task Get_lists_every_item_with_id_first_string_values_and_flags_as_booleans()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpClient client = host.Client();
        await client.Send("PUT", "/rest/certificate", CaTemplate);
        await client.Send("POST", "/rest/certificate/sign", """{"number":"*1"}""");

        HttpResponseMessage response = await client.GetAsync("/rest/certificate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        JsonElement ca = Assert.Single((await response.Json()).EnumerateArray());
        string[] keys = ca.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(".id", keys[0]);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.All(ca.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Contains(".id=*1", ca.Words());
        Assert.Contains("name=ca", ca.Words());
        Assert.Contains("private-key=true", ca.Words());
        Assert.Contains("authority=true", ca.Words());
        Assert.Contains("smart-card-key=false", ca.Words());
        Assert.Contains("key-size=2048", ca.Words());
    }

    [Fact]
    public async Task Query_string_filters_are_anded_and_proplist_limits_the_keys()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpClient client = host.Client();
        await client.Send("PUT", "/rest/certificate", CaTemplate);
        await client.Send("POST", "/rest/certificate/sign", """{"numbers":"ca"}""");
        await client.Send("PUT", "/rest/certificate", """{"name":"srv","common-name":"srv"}""");
        await client.Send("PUT", "/rest/certificate", """{"name":"other","common-name":"srv"}""");

        JsonElement signed = await (await client.GetAsync("/rest/certificate?private-key=true&.proplist=name,trusted")).Json();
        JsonElement both = await (await client.GetAsync("/rest/certificate?common-name=srv&name=other&.proplist=.id")).Json();

        Assert.Equal(["name=ca", "trusted=true"], Assert.Single(signed.EnumerateArray()).Words());
        Assert.Equal([".id=*3"], Assert.Single(both.EnumerateArray()).Words());
    }

    [Fact]
    public async Task Put_post_sign_patch_and_delete_change_the_store_the_console_reads()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpClient client = host.Client();
        Support.TestConsole console = host.Console();

        HttpResponseMessage put = await client.Send("PUT", "/rest/certificate", """{"name":"srv","common-name":"srv.lan","days-valid":825}""");
        JsonElement created = await put.Json();
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains(".id=*1", created.Words());
        Assert.Contains("days-valid=825", created.Words());
        Assert.Equal("srv.lan\n", console.Run(":put [/certificate get srv common-name]"));

        HttpResponseMessage sign = await client.Send("POST", "/rest/certificate/sign", """{"number":"*1"}""");
        Assert.Equal(["progress=done"], Assert.Single((await sign.Json()).EnumerateArray()).Words());
        Assert.Equal("true\n", console.Run(":put [/certificate get srv private-key]"));

        HttpResponseMessage patch = await client.Send("PATCH", "/rest/certificate/srv", """{"trusted":false}""");
        Assert.Contains("trusted=false", (await patch.Json()).Words());
        Assert.Equal("false\n", console.Run(":put [/certificate get srv trusted]"));

        HttpResponseMessage delete = await client.DeleteAsync("/rest/certificate/*1");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("", await delete.Content.ReadAsStringAsync());
        Assert.Equal("0\n", console.Run("/certificate print count-only"));
    }

    [Fact]
    public async Task A_template_added_at_the_console_is_visible_over_rest_at_once()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpClient client = host.Client();
        Assert.Equal("[]", await client.GetStringAsync("/rest/certificate"));

        host.Console().Run("/certificate add name=web common-name=web.lan");

        JsonElement web = await (await client.GetAsync("/rest/certificate/web")).Json();
        Assert.Contains("common-name=web.lan", web.Words());
        Assert.Contains(".id=*1", web.Words());
    }

    [Fact]
    public async Task Post_print_takes_proplist_and_a_query_with_stack_operators()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpClient client = host.Client();
        await client.Send("PUT", "/rest/certificate", CaTemplate);
        await client.Send("POST", "/rest/certificate/sign", """{".id":"*1"}""");
        await client.Send("PUT", "/rest/certificate", """{"name":"a","common-name":"a"}""");
        await client.Send("PUT", "/rest/certificate", """{"name":"b","common-name":"b"}""");

        JsonElement trusted = await (await client.Send("POST", "/rest/certificate/print", """{".proplist":["name"],".query":["trusted=true"]}""")).Json();
        JsonElement either = await (await client.Send("POST", "/rest/certificate/print", """{".proplist":["name"],".query":["name=a","name=b","#|"]}""")).Json();
        JsonElement neither = await (await client.Send("POST", "/rest/certificate/print", """{".proplist":"name",".query":["name=a","name=b","#|!"]}""")).Json();

        Assert.Equal(["name=ca"], Assert.Single(trusted.EnumerateArray()).Words());
        Assert.Equal(["name=a", "name=b"], either.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).Select(n => "name=" + n));
        Assert.Equal(["name=ca"], Assert.Single(neither.EnumerateArray()).Words());
    }

    [Fact]
    public async Task Settings_menus_read_as_one_object_and_patch_as_set()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpClient client = host.Client();

        Assert.Equal("""{"name":"RosCert"}""", await client.GetStringAsync("/rest/system/identity"));
        HttpResponseMessage patch = await client.Send("PATCH", "/rest/system/identity", """{"name":"ca-router"}""");
        HttpResponseMessage post = await client.Send("POST", "/rest/system/identity/get", """{"value-name":"name"}""");

        Assert.Equal("""{"name":"ca-router"}""", await patch.Content.ReadAsStringAsync());
        Assert.Equal("""{"ret":"ca-router"}""", await post.Content.ReadAsStringAsync());
        Assert.Equal("ca-router\n", host.Console().Run(":put [/system identity get name]"));
    }

    [Fact]
    public async Task Add_by_post_returns_ret_and_count_only_returns_the_number()
    {
        await using RestHost host = await RestHost.StartAsync();
        HttpClient client = host.Client();

        HttpResponseMessage add = await client.Send("POST", "/rest/certificate/add", """{"name":"x","common-name":"y"}""");
        HttpResponseMessage count = await client.Send("POST", "/rest/certificate/print", """{"count-only":""}""");

        Assert.Equal("""{"ret":"*1"}""", await add.Content.ReadAsStringAsync());
        Assert.Equal("""{"ret":"1"}""", await count.Content.ReadAsStringAsync());
    }
}

using RosCert.Console.Ast;
using Xunit;

namespace RosCert.Tests.Console.Parsing;

public class RoundTripTests
{
    /// <summary>Lines as RouterOS users type them in certificate scripts.</summary>
    public static IReadOnlyList<string> Lines { get; } =
    [
        "add name=CA-Template common-name=CAtemp key-usage=key-cert-sign,crl-sign",
        "print detail",
        "print where common-name~\"^ser\"",
        ":put [/certificate get Server common-name]",
        "/certificate/print detail",
        "/certificate crl print",
        ":foreach i in=[find where trusted=no] do={ :put [get $i name] }",
        ":if ([:len [find name=x]] = 0) do={ add name=x } else={ :put \"exists\" }",
        ":local arr {\"a\";\"b\"}",
        ":put ($arr->\"key\")",
        ":put ($arr->0)",
        ":put (\"a\" . $b . \"c\")",
        ":global g",
        ":set g 5",
        "set Server !trusted",
        "print count-only where private-key and !trusted",
        "find where issued expires-after<3w",
        "/import file-name=x.rsc",
        ":log info \"msg\"",
        ":delay 1s",
        "/",
        "..",
        "/certificate",
        "/certificate/crl",
        "remove 0,2",
        "remove *1F",
        "set [find name=Server] trusted=yes",
        "sign CA-Template ca-crl-host=10.0.0.1 name=CA",
        "sign Server ca=CA",
        "add name=Server common-name=server subject-alt-name=DNS:a.b,IP:10.0.0.1 key-size=2048 days-valid=365",
        "add name=ec key-size=prime256v1 digest-algorithm=sha256 trusted=yes",
        "export-certificate CA export-passphrase=\"\"",
        "export-certificate Server type=pkcs12 export-passphrase=\"secret pass\"",
        "import file-name=cert.p12 passphrase=\"a\\\"b\" name=imported",
        "create-certificate-request template=Server key-passphrase=12345678",
        "add-scep template=Client scep-url=\"http://10.0.0.1/scep/CA\"",
        "/certificate/scep-server add ca-cert=CA path=/scep/CA days-valid=365",
        "/ip service set www-ssl certificate=Server disabled=no",
        "print where authority",
        "print where !trusted and (expired or revoked)",
        "print proplist=name,common-name where key-type=rsa key-size>=2048",
        "print where name in {\"a\";\"b\"}",
        "print where invalid-after<([:timestamp] + 1d)",
        ":local id [/certificate add name=t common-name=t]",
        ":local names [:toarray \"\"]",
        ":foreach c in=[/certificate find] do={ :set names ($names, [/certificate get $c name]) }",
        ":put \"cert $name expires in $[get $i expires-after] ($(\"x\" . $y))\"",
        ":put \"tab\\there\\nnew line \\$notvar \\3F\"",
        ":local m {name=\"x\";size=2048;ids={1;2}}",
        ":if (!($a = $b) && ($c != \"\")) do={ :error \"bad\" }",
        ":while ($i < 10) do={ :set i ($i + 1) }",
        ":for i from=1 to=10 step=2 do={ :put $i }",
        ":do { /certificate remove [find name=old] } on-error={ :log warning \"no old\" }",
        ":put (-$x * 2 + 3 / 4 % 5)",
        ":put (not $ok or $fallback)",
        ":put ($a->\"b\"->0)",
        ":local f do={ :return ($1 . \"!\") }",
        ":put [$f \"hi\"]",
        "{ :local x 1; :put $x }",
        "/system script add name=renew source={ /certificate acme-renew [find] }",
        ":put $\"weird-name\"",
        "/certificate/crl add url=http://ca.example/crl.pem fingerprint=\"\"",
        "print terse without-paging",
        ":put [:typeof (\"\")]",
        ":put ({})",
        ":set ($arr->\"k\") 5",
        "print where (name=\"x\" or name=\"y\") and trusted=yes",
        "print where common-name!=\"\" and akid~\"^AB\"",
        "get ([find]->0) name",
    ];

    public static TheoryData<string> RealLines => new(Lines);

    [Theory]
    [MemberData(nameof(RealLines))]
    public void Real_line_round_trips_through_the_canonical_printer(string line)
    {
        Script script = ParseAssert.Parses(line);
        Assert.NotEmpty(script.Commands);
        ParseAssert.RoundTrips(script);
    }

    [Fact]
    public void Multi_line_blocks_and_continuations_round_trip()
    {
        const string Text = """
            # renew what expires soon
            /certificate
            :foreach c in=[find where issued \
                    expires-after<3w] do={
                :local n [get $c name]
                :log info ("renewing " . $n)

                issued-revoke $c; sign $n
            }
            :local list {
                "a";
                "b"
            }
            """;
        Script script = ParseAssert.Parses(Text);
        Assert.Equal(3, script.Commands.Count);
        string canonical = ParseAssert.RoundTrips(script);
        Assert.Equal(
            "/certificate\n"
            + ":foreach c in=[find where issued && expires-after<3w] do={ :local n [get $c name]; "
            + ":log info (\"renewing \" . $n); issued-revoke $c; sign $n }\n"
            + ":local list {\"a\";\"b\"}",
            canonical);
    }

    [Theory]
    [InlineData("print where a=1 or b=2 and c=3", "print where a=1 || b=2 && c=3")]
    [InlineData("print where (a=1 or b=2) and c=3", "print where (a=1 || b=2) && c=3")]
    [InlineData(":put (1 - (2 - 3))", ":put (1 - (2 - 3))")]
    [InlineData(":put ((1 - 2) - 3)", ":put (1 - 2 - 3)")]
    [InlineData(":put ((\"a\" . 1) + 2)", ":put ((\"a\" . 1) + 2)")]
    [InlineData(":put (-($a->0))", ":put (-$a->0)")]
    [InlineData(":put ((-$a)->0)", ":put ((-$a)->0)")]
    public void Parentheses_are_kept_exactly_where_needed(string input, string canonical)
    {
        Script script = ParseAssert.Parses(input);
        Assert.Equal(canonical, ParseAssert.RoundTrips(script));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using RosCert.Interop.Tests.Daemon;
using Xunit;

namespace RosCert.Interop.Tests.Acme;

/// <summary>
/// The ACME client against pebble (issue 8): enable-ssl-certificate, renewal moving references,
/// strict mode, External Account Binding, a non-localhost name through pebble-challtestsrv's DNS,
/// add-acme with two names and acme-renew. pebble's 5% nonce rejection stays on throughout.
/// </summary>
public sealed partial class PebbleTests
{
    [Fact]
    public void Enable_ssl_certificate_issues_a_chain_to_pebbles_root_that_www_ssl_serves()
    {
        using var console = new RosCertProcess();
        int httpPort = PebbleServer.FreePort();
        using var pebble = new PebbleServer(httpPort);
        pebble.TrustIn(console);

        string output = console.Script($"""
            /ip service set www port={httpPort} listen-address=127.0.0.1
            /certificate enable-ssl-certificate dns-name=localhost directory-url={pebble.DirectoryUrl}
            """);
        Assert.Contains("progress: [success] ssl certificate updated", output, StringComparison.Ordinal);
        string name = Assigned(console, "www-ssl");
        Assert.Matches(AutogenName(), name);
        string detail = console.Script($"/certificate print detail where name=\"{name}\"\n");
        Assert.Contains("K      a", detail, StringComparison.Ordinal);
        Assert.Contains("acme-status=\"valid\"", detail, StringComparison.Ordinal);
        Assert.Contains("domain-names=\"localhost\"", detail, StringComparison.Ordinal);
        Assert.Contains("key-type=rsa key-size=2048", detail, StringComparison.Ordinal);
        Assert.Contains("trusted=no", console.Script("/certificate print detail where name~\"Pebble Intermediate\"\n"), StringComparison.Ordinal);

        string root = pebble.Root0();
        console.Script($"/certificate export-certificate [find name=\"{name}\"] file-name=le include-chain=yes\n");
        string chain = console.File("le.crt");
        Assert.Contains(": OK", Peer.Ok("openssl", "verify", "-CAfile", root, "-untrusted", chain, chain).Output, StringComparison.Ordinal);

        using var daemon = new DaemonProcess(console);
        daemon.WaitFor(() => DaemonProcess.Listening(daemon.WwwSslPort), "www-ssl to listen");
        string port = daemon.WwwSslPort.ToString(CultureInfo.InvariantCulture);
        Peer.Ok("curl", "-sS", "-o", "/dev/null", "--cacert", root, "--resolve", $"localhost:{port}:127.0.0.1", $"https://localhost:{port}/rest/system/identity");
    }

    [Fact]
    public void Renewal_through_the_daemons_www_in_strict_mode_moves_every_reference_and_keeps_the_key()
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console);
        using var pebble = new PebbleServer(daemon.WwwPort, strict: true);
        pebble.TrustIn(console);
        string enable = $"/certificate enable-ssl-certificate dns-name=localhost directory-url={pebble.DirectoryUrl}\n";

        Assert.Contains("[success]", console.Script(enable), StringComparison.Ordinal);
        string first = Assigned(console, "www-ssl");
        string firstSkid = Get(console, first, "skid");
        daemon.WaitFor(() => DaemonProcess.Listening(daemon.WwwSslPort), "www-ssl to listen");
        Assert.Equal(Get(console, first, "fingerprint"), ServedFingerprint(daemon.WwwSslPort));
        console.Script($"/ip service set api-ssl certificate=\"{first}\"\n");

        Assert.Contains("[success]", console.Script(enable), StringComparison.Ordinal);
        string second = Assigned(console, "www-ssl");
        Assert.NotEqual(first, second);
        Assert.Equal(second, Assigned(console, "api-ssl"));
        Assert.Equal("", console.Script($":put [/certificate find name=\"{first}\"]\n").Trim());
        Assert.Equal(firstSkid, Get(console, second, "skid")); // the key is reused
        Assert.Equal(Get(console, second, "fingerprint"), ServedFingerprint(daemon.WwwSslPort)); // no restart needed

        Assert.Contains("[success]", console.Script(enable.TrimEnd() + " reset-private-key=yes\n"), StringComparison.Ordinal);
        Assert.NotEqual(firstSkid, Get(console, Assigned(console, "www-ssl"), "skid"));
    }

    [Fact]
    public void External_account_binding_is_sent_when_given_and_its_absence_fails_with_pebbles_message()
    {
        using var console = new RosCertProcess();
        int httpPort = PebbleServer.FreePort();
        string mac = PebbleServer.NewMacKey();
        using var pebble = new PebbleServer(httpPort, eabKeys: new Dictionary<string, string> { ["kid-1"] = mac });
        pebble.TrustIn(console);
        console.Script($"/ip service set www port={httpPort} listen-address=127.0.0.1\n");

        Peer.Result refused = console.Run($"/certificate enable-ssl-certificate dns-name=localhost directory-url={pebble.DirectoryUrl}\n");
        Assert.Contains("failure: ", refused.All, StringComparison.Ordinal);
        Assert.Contains("externalAccountRequired", refused.All, StringComparison.Ordinal);
        Assert.Equal("", console.Script(":put [/ip service get [find name=www-ssl] certificate]\n").Trim().Replace("none", "", StringComparison.Ordinal));

        // The key as plain base64 with padding: accepted as well as base64url.
        string base64 = Convert.ToBase64String(Convert.FromBase64String(mac.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (mac.Length % 4)) % 4)));
        string output = console.Script($"/certificate enable-ssl-certificate dns-name=localhost directory-url={pebble.DirectoryUrl} eab-kid=kid-1 eab-hmac-key=\"{base64}\"\n");
        Assert.Contains("[success]", output, StringComparison.Ordinal);
        Assert.DoesNotContain(mac, console.Script("/certificate print detail\n/certificate export\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Add_acme_with_two_names_resolved_by_challtestsrv_issues_one_certificate_and_acme_renew_replaces_it_in_place()
    {
        using var console = new RosCertProcess();
        int httpPort = PebbleServer.FreePort();
        int dnsPort = PebbleServer.FreePort();
        using Process dns = StartChallTestSrv(dnsPort);
        try
        {
            using var pebble = new PebbleServer(httpPort, dnsPort: dnsPort);
            pebble.TrustIn(console);
            console.Script($"""
                /ip service set www port={httpPort} listen-address=127.0.0.1
                /certificate add-acme domain-names=a.test,b.test directory-url={pebble.DirectoryUrl}
                """);
            string detail = console.Script("/certificate print detail where name=a.test\n");
            Assert.Contains("K      a", detail, StringComparison.Ordinal);
            Assert.Matches("subject-alt-name=\"(DNS:a.test,DNS:b.test|DNS:b.test,DNS:a.test)\"", detail);
            Assert.Contains("domain-names=\"a.test,b.test\"", detail, StringComparison.Ordinal);
            string id = console.Script(":put [/certificate find name=a.test]\n").Trim();
            string fingerprint = Get(console, "a.test", "fingerprint");

            console.Script("/certificate acme-renew a.test\n");
            Assert.Equal(id, console.Script(":put [/certificate find name=a.test]\n").Trim());
            Assert.NotEqual(fingerprint, Get(console, "a.test", "fingerprint"));
            console.Script("/certificate export-certificate a.test file-name=a include-chain=yes\n");
            string chain = console.File("a.crt");
            Assert.Contains(": OK", Peer.Ok("openssl", "verify", "-CAfile", pebble.Root0(), "-untrusted", chain, chain).Output, StringComparison.Ordinal);
        }
        finally
        {
            dns.Kill(entireProcessTree: true);
            dns.WaitForExit();
        }
    }

    [Fact]
    public void A_wildcard_or_an_unreachable_directory_fails_clearly_and_leaves_nothing_behind()
    {
        using var console = new RosCertProcess();
        Peer.Result wildcard = console.Run("/certificate add-acme domain-names=*.a.test directory-url=https://127.0.0.1:1/dir\n");
        Assert.Contains("failure: wildcard name *.a.test needs a dns-01 challenge", wildcard.All, StringComparison.Ordinal);
        Peer.Result unreachable = console.Run("/certificate enable-ssl-certificate dns-name=localhost directory-url=https://127.0.0.1:1/dir\n");
        Assert.Contains("failure: cannot reach https://127.0.0.1:1/dir", unreachable.All, StringComparison.Ordinal);
        Assert.Equal("", console.Script(":put [/certificate find]\n").Trim());
    }

    private static Process StartChallTestSrv(int dnsPort)
    {
        var start = new ProcessStartInfo("/usr/bin/pebble-challtestsrv") { RedirectStandardOutput = true, RedirectStandardError = true };
        Assert.True(File.Exists(start.FileName), "peer pebble-challtestsrv is not installed; tests/run installs pebble");
        foreach (string argument in new[]
        {
            "-http01", "", "-https01", "", "-tlsalpn01", "", "-dns01", $"127.0.0.1:{dnsPort}",
            "-management", $"127.0.0.1:{PebbleServer.FreePort()}", "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Thread.Sleep(500);
        Assert.False(process.HasExited, "pebble-challtestsrv did not start");
        return process;
    }

    private static string Assigned(RosCertProcess console, string service) =>
        console.Script($":put [/ip service get [find name={service}] certificate]\n").Trim();

    private static string Get(RosCertProcess console, string name, string property) =>
        console.Script($":put [/certificate get [find name=\"{name}\"] {property}]\n").Trim();

    /// <summary>The SHA-256 fingerprint of the certificate www-ssl sends, lower-case hex.</summary>
    private static string ServedFingerprint(int port)
    {
        string pem = Peer.Run("openssl", ["s_client", "-connect", $"127.0.0.1:{port}", "-servername", "localhost"], input: "").Output;
        string fingerprint = Peer.Run("openssl", ["x509", "-noout", "-fingerprint", "-sha256"], input: pem).Output;
        return fingerprint[(fingerprint.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim().Replace(":", "", StringComparison.Ordinal).ToLowerInvariant();
    }

    [GeneratedRegex(@"^letsencrypt-autogen_\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ(_\d+)?$")]
    private static partial Regex AutogenName();
}

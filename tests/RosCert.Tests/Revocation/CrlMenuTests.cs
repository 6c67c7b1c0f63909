using System.Text;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Model;
using RosCert.Core.Revocation;
using RosCert.Store.Files;
using RosCert.Tests.Store;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Revocation;

/// <summary>
/// <c>/certificate/crl</c>, <c>crl-use</c> and <c>verify</c> (issue 6) on one console: a CA issues
/// <c>leaf</c> (revoked) and <c>other</c>, its CRL and the three certificates are written to files,
/// the CA is removed, and the files are imported back as a peer's would be.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CrlMenuTests : IDisposable
{
    private readonly TestConsole _console = new();
    private readonly byte[] _crl;

    public CrlMenuTests()
    {
        Run("/certificate add name=ca common-name=CA key-usage=key-cert-sign,crl-sign");
        Run("/certificate sign ca ca-crl-host=127.0.0.1:9");
        Run("/certificate add name=leaf common-name=leaf key-usage=digital-signature,tls-client");
        Run("/certificate sign leaf ca=ca");
        Run("/certificate add name=other common-name=other key-usage=digital-signature,tls-client");
        Run("/certificate sign other ca=ca");
        Run("/certificate issued-revoke leaf");
        _crl = _console.Environment.Store.Read(r => r.Crl(r.CertificateByName("ca")!.Id)!.Der!);
        Run("/certificate export-certificate ca");
        Run("/certificate export-certificate leaf");
        Run("/certificate export-certificate other");
        _console.Environment.Files.WriteAtomic("ca.crl", _crl);
        _console.Environment.Files.WriteAtomic("ca.crl.pem", Encoding.ASCII.GetBytes(new string(System.Security.Cryptography.PemEncoding.Write("X509 CRL", _crl))));
        Run("/certificate remove ca");
    }

    public void Dispose() => _console.Dispose();

    [Fact]
    public void Add_print_and_remove_an_entry_by_hand()
    {
        Assert.Equal("", Run("/certificate/crl add url=http://127.0.0.1:9/a.crl"));
        Assert.Equal(
            "Columns: URL\n#  URL                     \n0  http://127.0.0.1:9/a.crl\n", Run("/certificate/crl print"));
        Assert.Equal("", Run("/certificate/crl remove 0"));
        Assert.Equal("0\n", Run("/certificate/crl print count-only"));
        Assert.Equal("missing value(s) of argument(s) url\n", Run("/certificate/crl add"));
    }

    [Fact]
    public void A_der_crl_file_imports_as_an_entry_that_verifies_against_its_stored_issuer()
    {
        Run("/certificate import file-name=cert_export_ca.crt trusted=yes");
        Assert.Equal(
            """
                 certificates-imported: 0
                 private-keys-imported: 0
                        files-imported: 1
                   decryption-failures: 0
              keys-with-no-certificate: 0


            """, Run("/certificate import file-name=ca.crl"));
        string detail = Run("/certificate/crl print detail");
        Assert.StartsWith("Flags: E - EXPIRED; D - DYNAMIC; I - INVALID\n 0     url=\"\" num=2 revoked=1 last-update=2026-11-27 12:00:00", detail);
        Assert.Contains("next-update=2026-11-29 12:00:00", detail, StringComparison.Ordinal);
        Assert.Contains("fingerprint=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_crl)), detail, StringComparison.Ordinal);

        // the same CRL again, as PEM: not a second entry
        Assert.Contains("files-imported: 0", Run("/certificate import file-name=ca.crl.pem"), StringComparison.Ordinal);
        Assert.Equal("1\n", Run("/certificate/crl print count-only"));
    }

    [Fact]
    public void A_pem_crl_without_its_issuer_is_invalid_and_not_used()
    {
        Assert.Contains("files-imported: 1", Run("/certificate import file-name=ca.crl.pem"), StringComparison.Ordinal);
        Assert.Matches(@"\n0 I +2 +1\s*\n", Run("/certificate/crl print proplist=num,revoked"));
        Run("/certificate import file-name=cert_export_ca.crt trusted=yes");
        Run("/certificate import file-name=cert_export_leaf.crt name=leaf");
        Run("/certificate/settings set crl-use=yes");
        Assert.Contains("verdict: failed: the CRL of CN=CA does not verify against its issuer, leaf cannot be checked", Run("/certificate verify leaf"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_crl_with_a_broken_signature_is_invalid()
    {
        byte[] broken = (byte[])_crl.Clone();
        broken[^1] ^= 0x01;
        _console.Environment.Files.WriteAtomic("broken.crl", broken);
        Run("/certificate import file-name=cert_export_ca.crt trusted=yes");
        Run("/certificate import file-name=broken.crl");
        Assert.Matches(@"\n0 I +2\s*\n", Run("/certificate/crl print proplist=num"));
    }

    [Fact]
    public void An_imported_certificate_with_a_distribution_point_makes_a_dynamic_entry_that_goes_with_it()
    {
        Run("/certificate import file-name=cert_export_leaf.crt name=leaf");
        Run("/certificate import file-name=cert_export_other.crt name=other");
        string url = Run("/certificate/crl get 0 url").Trim();
        Assert.StartsWith("http://127.0.0.1:9/crl/", url, StringComparison.Ordinal);
        Assert.Equal(
            $"Flags: D - DYNAMIC\nColumns: CERT, URL\n#   CERT  {"URL".PadRight(url.Length)}\n0 D leaf  {url}\n", Run("/certificate/crl print"));
        Run("/certificate remove leaf");
        Assert.Equal("0\n", Run("/certificate/crl print count-only"));
    }

    [Fact]
    public void With_crl_use_the_listed_certificate_shows_R_and_verify_says_why()
    {
        Run("/certificate import file-name=cert_export_ca.crt name=ca trusted=yes");
        Run("/certificate import file-name=cert_export_leaf.crt name=leaf");
        Run("/certificate import file-name=cert_export_other.crt name=other");
        Run("/certificate import file-name=ca.crl");
        Assert.Equal("LT", Flags("leaf"));

        Run("/certificate/settings set crl-use=yes");
        Assert.Equal("LRT", Flags("leaf"));
        Assert.Equal("LT", Flags("other"));
        Assert.Equal(
            """
            Flags: T - TRUSTED; B - BUILTIN
             0 T name=leaf subject="CN=leaf" issuer="CN=CA"
                 signature=ok validity=ok key-usage=ok
                 basic-constraints=ok revocation=revoked

             1 T name=ca subject="CN=CA" issuer="CN=CA"
                 signature="ok, self-signed" validity=ok key-usage=ok
                 basic-constraints=ok revocation="trust anchor, not checked"

            verdict: failed: leaf is revoked by the CRL of CN=CA

            """, Run("/certificate verify leaf"));
        Assert.EndsWith("verdict: ok\n", Run("/certificate verify other"), StringComparison.Ordinal);
    }

    [Fact]
    public void With_crl_use_a_missing_or_expired_crl_fails_the_chain()
    {
        Run("/certificate import file-name=cert_export_ca.crt name=ca trusted=yes");
        Run("/certificate import file-name=cert_export_other.crt name=other");
        Assert.EndsWith("verdict: ok\n", Run("/certificate verify other"), StringComparison.Ordinal);
        Assert.Contains("revocation=\"not checked, crl-use=no\"", Run("/certificate verify other"), StringComparison.Ordinal);

        Run("/certificate/settings set crl-use=yes");
        string missing = Run("/certificate verify other");
        Assert.Contains("revocation=\"no CRL of its issuer\"", missing, StringComparison.Ordinal);
        Assert.EndsWith("verdict: failed: crl-use=yes needs a CRL of CN=CA to check other, and there is none\n", missing, StringComparison.Ordinal);

        Run("/certificate import file-name=ca.crl");
        Assert.EndsWith("verdict: ok\n", Run("/certificate verify other"), StringComparison.Ordinal);
        _console.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Matches(@"\n1 E +2\s*\n", Run("/certificate/crl print proplist=num"));
        Assert.Contains("verdict: failed: the CRL of CN=CA is past its next-update, other cannot be checked", Run("/certificate verify other"), StringComparison.Ordinal);
    }

    [Fact]
    public void Download_refuses_other_schemes_and_untrusted_certificates_and_fills_the_rest()
    {
        using var server = new LoopbackHttp(_crl);
        Run("/certificate import file-name=cert_export_ca.crt name=ca trusted=yes");
        Run("/certificate import file-name=cert_export_leaf.crt name=leaf trusted=no");
        Run("/certificate/crl add url=ftp://127.0.0.1/ca.crl");
        Run($"/certificate/crl add url={server.Url("ca.crl")}");
        string url = Run("/certificate/crl get 0 url").Trim();
        Assert.Equal(
            $"""
            warning: {url}: certificate leaf is not trusted
            warning: ftp://127.0.0.1/ca.crl: only http:// URLs are downloaded

            """, Run("/certificate/crl download"));
        Assert.Equal(1, server.Requests);
        Assert.Matches(@"\n2\s+2\s+1\s*\n", Run("/certificate/crl print proplist=num,revoked"));
        Assert.NotNull(_console.Environment.Store.Read(r => r.CrlBytes(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_crl)))));

        Assert.Equal("", Run("/certificate/crl flush"));
        Assert.DoesNotMatch(@"\n2\s+2\s+1\s*\n", Run("/certificate/crl print proplist=num,revoked"));
        Assert.Null(_console.Environment.Store.Read(r => r.CrlBytes(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_crl)))));
    }

    [Fact]
    public void A_failed_download_marks_the_entry_invalid()
    {
        using var server = new LoopbackHttp(Encoding.ASCII.GetBytes("not a crl"));
        Run($"/certificate/crl add url={server.Url("ca.crl")}");
        Assert.Equal($"warning: {server.Url("ca.crl")}: the answer is not a valid X509 CRL\n", Run("/certificate/crl download"));
        Assert.Matches(@"\n0 I +http://", Run("/certificate/crl print proplist=url"));
    }

    [Fact]
    public void Crl_store_ram_keeps_the_bytes_in_the_runtime_cache_only()
    {
        using var runtime = new TempDirectory();
        RuntimeCrlCache cache = RuntimeCrlCache.For(_console.DataPath, name => name == "XDG_RUNTIME_DIR" ? runtime.Path : null);
        CommandEnvironment source = _console.Environment;
        var environment = new CommandEnvironment
        {
            Store = source.Store, Files = source.Files, Keys = source.Keys, Clock = source.Clock, Catalogue = source.Catalogue,
            KeySource = source.KeySource, Serials = source.Serials, CrlCache = cache,
        };
        using var server = new LoopbackHttp(_crl);
        Run("/certificate import file-name=cert_export_ca.crt name=ca trusted=yes");
        Run($"/certificate/crl add url={server.Url("ca.crl")}");
        Assert.Empty(CrlDownload.Run(environment));

        string fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_crl));
        string file = Path.Combine(cache.Location, fingerprint + ".crl");
        Assert.StartsWith(Path.Combine(runtime.Path, "roscert"), file, StringComparison.Ordinal);
        Assert.Equal(_crl, File.ReadAllBytes(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cache.Location));
        Assert.Null(source.Store.Read(r => r.CrlBytes(fingerprint)));
        CrlEntry entry = source.Store.Read(CrlEntries.All).Single();
        Assert.Equal(CrlKeeping.Ram, entry.Data!.Keeping);
        Assert.True(CrlEntries.Available(source.Store.Read(r => r), cache, entry.Data));

        File.Delete(file); // what a reboot does
        Assert.False(source.Store.Read(r => CrlEntries.Available(r, cache, entry.Data)));
    }

    private string Run(string statement) => _console.Run(statement);

    /// <summary>The flag letters of a certificate's row in <c>print proplist=name</c>.</summary>
    private string Flags(string name)
    {
        string row = Run("/certificate print proplist=name").Split('\n').Select(l => l.TrimEnd()).Single(l => l.EndsWith(" " + name, StringComparison.Ordinal));
        string flags = row.TrimStart()[..^name.Length];
        return flags[flags.IndexOf(' ', StringComparison.Ordinal)..].Replace(" ", "", StringComparison.Ordinal);
    }
}

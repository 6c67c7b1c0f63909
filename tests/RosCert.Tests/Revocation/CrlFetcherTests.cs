using System.Diagnostics;
using RosCert.Commands.Menus.Certificates;
using Xunit;

namespace RosCert.Tests.Revocation;

/// <summary>CRL downloads: HTTP only, a size limit and a deadline (issue 6, /certificate/crl download).</summary>
public sealed class CrlFetcherTests
{
    [Fact]
    public void Fetch_returns_the_body_of_a_200_answer()
    {
        using var server = new LoopbackHttp([1, 2, 3]);
        Assert.Equal([1, 2, 3], CrlFetcher.Fetch(server.Url("a.crl"), CrlFetchLimits.Default));
    }

    [Theory]
    [InlineData("https://127.0.0.1/a.crl")]
    [InlineData("ftp://127.0.0.1/a.crl")]
    [InlineData("ldap://127.0.0.1/cn=x")]
    [InlineData("a.crl")]
    public void Only_http_urls_are_fetched(string url)
    {
        CrlFetchException error = Assert.Throws<CrlFetchException>(() => CrlFetcher.Fetch(url, CrlFetchLimits.Default));
        Assert.Equal("only http:// URLs are downloaded", error.Message);
    }

    [Fact]
    public void A_body_over_the_size_limit_is_refused()
    {
        using var server = new LoopbackHttp(new byte[5000]);
        CrlFetchException error = Assert.Throws<CrlFetchException>(() => CrlFetcher.Fetch(server.Url("big.crl"), new CrlFetchLimits(TimeSpan.FromSeconds(5), 4096)));
        Assert.Equal("CRL is larger than 4096 bytes", error.Message);
    }

    [Fact]
    public void A_server_that_never_answers_times_out_quickly()
    {
        using var server = new LoopbackHttp(body: null);
        var clock = Stopwatch.StartNew();
        CrlFetchException error = Assert.Throws<CrlFetchException>(() => CrlFetcher.Fetch(server.Url("slow.crl"), new CrlFetchLimits(TimeSpan.FromMilliseconds(300), 1024)));
        Assert.Equal("no answer within 0.3s", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(1, server.Requests);
    }
}

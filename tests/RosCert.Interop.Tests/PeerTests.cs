using Xunit;

namespace RosCert.Interop.Tests;

public sealed class PeerTests
{
    [Fact]
    public void Openssl_is_there_and_reports_version_3() =>
        Assert.StartsWith("OpenSSL 3", Peer.Ok("openssl", "version").Output, StringComparison.Ordinal);
}

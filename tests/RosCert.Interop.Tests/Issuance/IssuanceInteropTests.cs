using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Interop.Tests.Issuance;

/// <summary>Certificates from <see cref="CertificateIssuer"/> are accepted by OpenSSL, GnuTLS, strongSwan and NSS.</summary>
public sealed class IssuanceInteropTests
{
    private const KeyUsage Server = KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment | KeyUsage.TlsServer;
    private const KeyUsage Client = KeyUsage.DigitalSignature | KeyUsage.TlsClient;
    private const KeyUsage EcServer = KeyUsage.DigitalSignature | KeyUsage.TlsServer;

    [Fact]
    public void Rsa2048_CA_issues_server_and_client_leaves_every_peer_accepts()
    {
        using var chain = new IssuedChain(KeySize.Rsa2048, ["192.0.2.10"]);
        PeerVerify.OpenSsl(chain.CaPath, chain.CaPath);
        PeerVerify.All(chain, chain.Leaf("server", KeySize.Rsa2048, Server).Path, 'V');
        PeerVerify.All(chain, chain.Leaf("client", KeySize.Rsa2048, Client).Path, 'C');
    }

    [Fact]
    public void Rsa4096_CA_issues_EC_P256_leaves_every_peer_accepts()
    {
        using var chain = new IssuedChain(KeySize.Rsa4096);
        PeerVerify.All(chain, chain.Leaf("server", KeySize.Prime256v1, EcServer).Path, 'V');
        PeerVerify.All(chain, chain.Leaf("client", KeySize.Prime256v1, Client, DigestAlgorithm.Sha512).Path, 'C');
    }

    [Fact]
    public void Secp384r1_CA_issues_RSA_leaves_every_peer_accepts()
    {
        using var chain = new IssuedChain(KeySize.Secp384r1, ["crl.example"]);
        PeerVerify.All(chain, chain.Leaf("server", KeySize.Rsa2048, Server, DigestAlgorithm.Sha384).Path, 'V');
        PeerVerify.All(chain, chain.Leaf("client", KeySize.Rsa2048, Client).Path, 'C');
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "md5WithRSAEncryption")]
    [InlineData(DigestAlgorithm.Sha1, "sha1WithRSAEncryption")]
    public void Md5_and_sha1_RSA_leaves_verify_with_openssl_at_auth_level_0(DigestAlgorithm digest, string name)
    {
        using var chain = new IssuedChain(KeySize.Rsa2048);
        string leaf = chain.Leaf("legacy", KeySize.Rsa2048, Server, digest).Path;
        PeerVerify.OpenSsl(chain.CaPath, leaf, "-auth_level", "0");
        Assert.Contains("Signature Algorithm: " + name, Peer.Ok("openssl", "x509", "-noout", "-text", "-in", leaf).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Openssl_text_shows_exactly_the_requested_extensions_of_a_leaf()
    {
        using var chain = new IssuedChain(KeySize.Rsa2048, ["192.0.2.10", "crl.example"]);
        SanEntry[] sans = [new(SanKind.Dns, "leaf.example"), new(SanKind.Ip, "192.0.2.1"), new(SanKind.Email, "admin@leaf.example")];
        (IssuedCertificate leaf, string path) = chain.Leaf(
            "leaf", KeySize.Prime256v1, KeyUsage.DigitalSignature | KeyUsage.KeyAgreement | KeyUsage.TlsServer | KeyUsage.TlsClient, sans: sans);
        string crl = $"http://{{0}}/crl/{chain.Ca.Skid}.crl";
        string[] expected =
        [
            "X509v3 Basic Constraints: critical", "CA:FALSE",
            "X509v3 Key Usage: critical", "Digital Signature, Key Agreement",
            "X509v3 Extended Key Usage:", "TLS Web Server Authentication, TLS Web Client Authentication",
            "X509v3 Subject Alternative Name:", "DNS:leaf.example, IP Address:192.0.2.1, email:admin@leaf.example",
            "X509v3 Subject Key Identifier:", Colons(leaf.Skid),
            "X509v3 Authority Key Identifier:", Colons(chain.Ca.Skid),
            "X509v3 CRL Distribution Points:", "Full Name:", "URI:" + string.Format(null, crl, "192.0.2.10"), "URI:" + string.Format(null, crl, "crl.example"),
        ];
        Assert.Equal(expected, Extensions(path));
        Assert.Equal(chain.Ca.Skid, leaf.Akid);
    }

    [Fact]
    public void Openssl_text_shows_a_CA_with_cA_true_and_its_own_key_id_as_authority()
    {
        using var chain = new IssuedChain(KeySize.Prime256v1);
        string[] expected =
        [
            "X509v3 Basic Constraints: critical", "CA:TRUE",
            "X509v3 Key Usage: critical", "Certificate Sign, CRL Sign",
            "X509v3 Subject Key Identifier:", Colons(chain.Ca.Skid),
            "X509v3 Authority Key Identifier:", Colons(chain.Ca.Skid),
        ];
        Assert.Equal(expected, Extensions(chain.CaPath));
        string text = Peer.Ok("openssl", "x509", "-noout", "-text", "-in", chain.CaPath).Output;
        Assert.Contains("Issuer: C = LV, L = Riga, O = RosCert, OU = interop, CN = RosCert Interop CA", text, StringComparison.Ordinal);
        Assert.Contains("Subject: C = LV, L = Riga, O = RosCert, OU = interop, CN = RosCert Interop CA", text, StringComparison.Ordinal);
        Assert.Contains("Signature Algorithm: ecdsa-with-SHA256", text, StringComparison.Ordinal);
    }

    /// <summary>The non-empty, trimmed lines of openssl's "X509v3 extensions:" section.</summary>
    private static string[] Extensions(string path)
    {
        string[] lines = Peer.Ok("openssl", "x509", "-noout", "-text", "-in", path).Output.Split('\n');
        return lines
            .SkipWhile(l => !l.Contains("X509v3 extensions:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.Contains("Signature Algorithm:", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToArray();
    }

    private static string Colons(string hex) => string.Join(':', hex.Chunk(2).Select(c => new string(c)));
}

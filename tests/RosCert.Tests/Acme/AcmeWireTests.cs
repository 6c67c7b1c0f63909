using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using RosCert.Acme.Client;
using RosCert.Acme.Wire;
using Xunit;

namespace RosCert.Tests.Acme;

/// <summary>The ACME wire codecs: JWS (RFC 7515/8555 §6.2), EAB (§7.3.4), JWK thumbprint (RFC 7638), problems, ARI ids.</summary>
public sealed class AcmeWireTests
{
    [Fact]
    public void A_kid_jws_verifies_with_the_account_key_and_carries_alg_kid_nonce_and_url()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using JsonDocument jws = JsonDocument.Parse(Jws.Sign(key, "https://ca.test/order", "nonce-1", "https://ca.test/acct/7", "{\"a\":1}"u8.ToArray()));
        (JsonElement header, byte[] payload) = Open(jws, out bool verified, input => key.VerifyData(input.Data, input.Signature, HashAlgorithmName.SHA256));
        Assert.True(verified);
        Assert.Equal(64, Decode(jws.RootElement.GetProperty("signature").GetString()!).Length); // r||s (RFC 7518 §3.4)
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal("https://ca.test/acct/7", header.GetProperty("kid").GetString());
        Assert.Equal("nonce-1", header.GetProperty("nonce").GetString());
        Assert.Equal("https://ca.test/order", header.GetProperty("url").GetString());
        Assert.False(header.TryGetProperty("jwk", out _)); // kid and jwk are mutually exclusive (§6.2)
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(payload));
    }

    [Fact]
    public void A_jwk_jws_carries_the_public_key_and_post_as_get_has_an_empty_payload()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using JsonDocument jws = JsonDocument.Parse(Jws.Sign(key, "https://ca.test/new-acct", "n", kid: null, payload: null));
        Assert.Equal("", jws.RootElement.GetProperty("payload").GetString());
        (JsonElement header, _) = Open(jws, out _, _ => true);
        JsonElement jwk = header.GetProperty("jwk");
        ECParameters p = key.ExportParameters(false);
        Assert.Equal(Base64UrlText.Encode(p.Q.X), jwk.GetProperty("x").GetString());
        Assert.Equal("EC", jwk.GetProperty("kty").GetString());
        Assert.False(header.TryGetProperty("kid", out _));
    }

    [Fact]
    public void The_thumbprint_is_the_sha256_of_the_canonical_jwk()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ECParameters p = key.ExportParameters(false);
        string canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64UrlText.Encode(p.Q.X)}\",\"y\":\"{Base64UrlText.Encode(p.Q.Y)}\"}}";
        string expected = Base64UrlText.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, Jwk.Thumbprint(key));
        Assert.Equal("tok." + expected, Jwk.KeyAuthorization("tok", key));
    }

    [Fact]
    public void The_eab_is_an_hs256_jws_over_the_account_jwk_without_nonce()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] mac = RandomNumberGenerator.GetBytes(32);
        using JsonDocument eab = JsonDocument.Parse(Jws.ExternalAccountBinding("kid-1", mac, "https://ca.test/new-acct", key));
        (JsonElement header, byte[] payload) = Open(eab, out bool verified, input => HMACSHA256.HashData(mac, input.Data).SequenceEqual(input.Signature));
        Assert.True(verified);
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        Assert.Equal("kid-1", header.GetProperty("kid").GetString());
        Assert.Equal("https://ca.test/new-acct", header.GetProperty("url").GetString());
        Assert.False(header.TryGetProperty("nonce", out _)); // §7.3.4: MUST NOT contain a nonce
        using JsonDocument jwk = JsonDocument.Parse(payload);
        Assert.Equal(Base64UrlText.Encode(key.ExportParameters(false).Q.Y), jwk.RootElement.GetProperty("y").GetString());
    }

    [Theory]
    [InlineData("3q2-7w", new byte[] { 0xde, 0xad, 0xbe, 0xef })]
    [InlineData("3q2+7w==", new byte[] { 0xde, 0xad, 0xbe, 0xef })]
    [InlineData(" _-8 ", new byte[] { 0xff, 0xef })]
    public void Eab_keys_are_read_as_base64url_or_base64(string text, byte[] expected) =>
        Assert.Equal(expected, Base64UrlText.DecodeLenient(text));

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    public void Other_eab_keys_are_refused(string text) => Assert.Null(EabCredentials.Parse("kid", text));

    [Fact]
    public void Every_problem_type_is_in_the_table_once_and_found_by_its_urn()
    {
        Assert.Equal(AcmeProblemTypes.All.Count, AcmeProblemTypes.All.Select(t => t.Name).Distinct().Count());
        foreach (AcmeProblemType type in AcmeProblemTypes.All)
        {
            Assert.Same(type, AcmeProblemTypes.Find("urn:ietf:params:acme:error:" + type.Name));
        }

        Assert.Equal(25, AcmeProblemTypes.All.Count); // RFC 8555 §6.7 (24) + RFC 9773 alreadyReplaced
        Assert.Equal(ProblemAction.RetryWithNewNonce, AcmeProblemTypes.Find("urn:ietf:params:acme:error:badNonce")!.Action);
        Assert.Equal(ProblemAction.RetryLater, AcmeProblemTypes.Find("urn:ietf:params:acme:error:rateLimited")!.Action);
        Assert.Null(AcmeProblemTypes.Find("urn:ietf:params:acme:error:noSuchThing"));
    }

    [Fact]
    public void A_problem_reads_as_the_servers_detail_with_its_type_and_subproblems()
    {
        using JsonDocument json = JsonDocument.Parse("""
            {"type":"urn:ietf:params:acme:error:compound","detail":"two failed","subproblems":[
              {"type":"urn:ietf:params:acme:error:dns","detail":"no A record for b.test"}]}
            """);
        Assert.Equal("two failed (compound): no A record for b.test (dns)", AcmeProblem.Parse(json.RootElement, 400).ToString());
    }

    /// <summary>RFC 9773 §4.1 example: AKI 69:88:5B:…:C8:D4 and serial 00:87:65:43:21.</summary>
    [Fact]
    public void The_ari_certificate_identifier_matches_the_rfc_9773_example()
    {
        byte[] keyId = Convert.FromHexString("69885B6B87464041E1B37B847BA0AE2CDE01C8D4");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ari", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(keyId));
        using X509Certificate2 certificate = request.Create(new X500DistinguishedName("CN=ca"), X509SignatureGenerator.CreateForECDsa(key),
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), [0x00, 0x87, 0x65, 0x43, 0x21]);
        Assert.Equal("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", RenewalInfo.CertificateId(certificate.RawData));
    }

    [Fact]
    public void A_renewal_time_in_the_window_stays_inside_it()
    {
        var window = new RenewalWindow(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero), null);
        Assert.Equal(window.Start, RenewalSchedule.InWindow(window, 0));
        Assert.Equal(window.Start.AddDays(1), RenewalSchedule.InWindow(window, 0.5));
        Assert.Equal(window.End, RenewalSchedule.InWindow(window, 7));
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_a_date()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(120), AcmeResponse.ReadRetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)), now));
        Assert.Equal(TimeSpan.FromMinutes(5), AcmeResponse.ReadRetryAfter(new RetryConditionHeaderValue(now.AddMinutes(5)), now));
        Assert.Null(AcmeResponse.ReadRetryAfter(null, now));
    }

    [Fact]
    public void Alternate_chain_links_are_read_from_link_headers()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", "<https://ca.test/dir>;rel=\"index\", </cert/1/1>; rel=\"alternate\"");
        response.Headers.TryAddWithoutValidation("Link", "<https://ca.test/cert/1/2>;rel=\"alternate\"");
        Assert.Equal(
            ["https://ca.test/cert/1/1", "https://ca.test/cert/1/2"],
            AcmeResponse.ReadAlternates(response, new Uri("https://ca.test/cert/1")).Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void A_chain_is_read_leaf_first_and_an_empty_one_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using X509Certificate2 one = new CertificateRequest("CN=one", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        using X509Certificate2 two = new CertificateRequest("CN=two", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        byte[] pem = Encoding.ASCII.GetBytes(one.ExportCertificatePem() + "\n" + two.ExportCertificatePem() + "\n");
        Assert.Equal([one.RawData, two.RawData], AcmeCertificate.ParseChain(pem));
        Assert.Throws<AcmeException>(() => AcmeCertificate.ParseChain("<html>"u8.ToArray()));
    }

    private static (JsonElement Header, byte[] Payload) Open(JsonDocument jws, out bool verified, Func<(byte[] Data, byte[] Signature), bool> verify)
    {
        string protectedPart = jws.RootElement.GetProperty("protected").GetString()!;
        string payloadPart = jws.RootElement.GetProperty("payload").GetString()!;
        byte[] signature = Decode(jws.RootElement.GetProperty("signature").GetString()!);
        verified = verify((Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart), signature));
        using JsonDocument header = JsonDocument.Parse(Decode(protectedPart));
        return (header.RootElement.Clone(), Decode(payloadPart));
    }

    private static byte[] Decode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}

using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RosCert.Acme.Wire;

namespace RosCert.Tests.Acme;

/// <summary>
/// A small ACME server on loopback HTTPS (Kestrel) for what pebble 2.4 cannot show: ARI (RFC 9773).
/// It verifies every JWS (ES256 over jwk or the account's kid), records each newOrder payload and
/// renewalInfo request, issues from its own CA with an AKI (so certificates have an ARI identifier),
/// and offers <c>renewalInfo</c> only when asked to. Authorizations are valid at once: http-01 is
/// pebble's to test.
/// </summary>
internal sealed class StubAcmeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _ca;
    private readonly ConcurrentDictionary<string, ECDsa> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, byte[]> _certificates = new();
    private readonly Func<DateTimeOffset> _now;
    private int _nextCertificate;
    private int _nonce;

    private StubAcmeServer(WebApplication app, X509Certificate2 tls, X509Certificate2 ca, bool ari, Func<DateTimeOffset> now)
    {
        _app = app;
        TlsCertificate = tls;
        _ca = ca;
        Ari = ari;
        _now = now;
    }

    public X509Certificate2 TlsCertificate { get; }

    public bool Ari { get; }

    public int Port { get; private set; }

    public string DirectoryUrl => $"https://localhost:{Port}/dir";

    /// <summary>The payloads of newOrder requests, in order.</summary>
    public ConcurrentQueue<JsonElement> Orders { get; } = new();

    /// <summary>The certificate identifiers renewalInfo was asked for.</summary>
    public ConcurrentQueue<string> RenewalInfoRequests { get; } = new();

    /// <summary>The window renewalInfo suggests.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Window { get; set; }

    /// <summary>Validity of issued certificates, from the server's now.</summary>
    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(100);

    public static async Task<StubAcmeServer> StartAsync(bool ari, Func<DateTimeOffset> now)
    {
        X509Certificate2 tls = SelfSigned("CN=localhost", ca: false);
        X509Certificate2 ca = SelfSigned("CN=Stub ACME CA", ca: true);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(tls)));
        WebApplication app = builder.Build();
        var server = new StubAcmeServer(app, tls, ca, ari, now);
        server.Map(app);
        await app.StartAsync();
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    /// <summary>The stub's TLS certificate as PEM, to import into RosCert as trusted.</summary>
    public string TlsPem() => TlsCertificate.ExportCertificatePem();

    private void Map(WebApplication app)
    {
        app.MapGet("/dir", (HttpContext context) =>
        {
            string root = $"https://localhost:{Port}";
            string renewal = Ari ? $",\"renewalInfo\":\"{root}/renewal-info\"" : "";
            return Json(context, 200, $"{{\"newNonce\":\"{root}/nonce\",\"newAccount\":\"{root}/account\",\"newOrder\":\"{root}/order\"{renewal}}}");
        });
        app.MapMethods("/nonce", ["HEAD", "GET"], (HttpContext context) =>
        {
            AddNonce(context);
            return Results.Ok();
        });
        app.MapPost("/account", (Func<HttpContext, Task<IResult>>)(context => Handle(context, (payload, _) =>
        {
            context.Response.Headers.Location = $"https://localhost:{Port}/account/1";
            return Json(context, 201, "{\"status\":\"valid\"}");
        })));
        app.MapPost("/order", (Func<HttpContext, Task<IResult>>)(context => Handle(context, (payload, _) =>
        {
            Orders.Enqueue(payload.Clone());
            context.Response.Headers.Location = $"https://localhost:{Port}/order/1";
            return Json(context, 201, OrderJson("ready", null));
        })));
        app.MapPost("/finalize", (Func<HttpContext, Task<IResult>>)(context => Handle(context, (payload, _) =>
        {
            byte[] csr = Base64UrlDecode(payload.GetProperty("csr").GetString()!);
            int id = Interlocked.Increment(ref _nextCertificate);
            _certificates[id] = Issue(csr, id);
            return Json(context, 200, OrderJson("valid", id));
        })));
        app.MapPost("/cert/{id:int}", (HttpContext context, int id) => Handle(context, (_, _) =>
        {
            string pem = PemEncoding.WriteString("CERTIFICATE", _certificates[id]) + "\n" + _ca.ExportCertificatePem() + "\n";
            return Results.Text(pem, "application/pem-certificate-chain");
        }));
        app.MapGet("/renewal-info/{id}", (HttpContext context, string id) =>
        {
            RenewalInfoRequests.Enqueue(id);
            context.Response.Headers.RetryAfter = "3600";
            return Json(context, 200, $"{{\"suggestedWindow\":{{\"start\":\"{Window.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\",\"end\":\"{Window.End.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\"}}}}");
        });
    }

    private string OrderJson(string status, int? certificate) =>
        $"{{\"status\":\"{status}\",\"authorizations\":[],\"finalize\":\"https://localhost:{Port}/finalize\""
        + (certificate is { } id ? $",\"certificate\":\"https://localhost:{Port}/cert/{id}\"" : "") + "}";

    /// <summary>Checks the JWS (RFC 8555 §6.2) and hands the payload to the endpoint.</summary>
    private async Task<IResult> Handle(HttpContext context, Func<JsonElement, string?, IResult> endpoint)
    {
        using var reader = new StreamReader(context.Request.Body);
        using JsonDocument jws = JsonDocument.Parse(await reader.ReadToEndAsync());
        string protectedPart = jws.RootElement.GetProperty("protected").GetString()!;
        string payloadPart = jws.RootElement.GetProperty("payload").GetString()!;
        byte[] signature = Base64UrlDecode(jws.RootElement.GetProperty("signature").GetString()!);
        using JsonDocument header = JsonDocument.Parse(Base64UrlDecode(protectedPart));
        JsonElement h = header.RootElement;
        string url = h.GetProperty("url").GetString()!;
        if (h.GetProperty("alg").GetString() != "ES256" || !url.EndsWith(context.Request.Path.Value!, StringComparison.Ordinal) || !h.TryGetProperty("nonce", out _))
        {
            return Json(context, 400, "{\"type\":\"urn:ietf:params:acme:error:malformed\",\"detail\":\"bad protected header\"}");
        }

        ECDsa key = h.TryGetProperty("jwk", out JsonElement jwk) ? KeyOf(jwk) : _accounts[h.GetProperty("kid").GetString()!];
        if (!key.VerifyData(Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart), signature, HashAlgorithmName.SHA256))
        {
            return Json(context, 400, "{\"type\":\"urn:ietf:params:acme:error:malformed\",\"detail\":\"bad signature\"}");
        }

        _accounts[$"https://localhost:{Port}/account/1"] = key;
        using JsonDocument payload = JsonDocument.Parse(payloadPart.Length == 0 ? "{}"u8.ToArray() : Base64UrlDecode(payloadPart));
        return endpoint(payload.RootElement, payloadPart);
    }

    private byte[] Issue(byte[] csr, int serial)
    {
        CertificateRequest request = CertificateRequest.LoadSigningRequest(csr, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        DateTimeOffset now = _now();
        // The leaf is RSA and the CA is EC: sign through a generator, not the issuer-certificate overload.
        using ECDsa caKey = _ca.GetECDsaPrivateKey()!;
        using X509Certificate2 issued = request.Create(_ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now, now + Validity, [0x00, 0x87, 0x65, 0x43, (byte)serial]);
        return issued.RawData;
    }

    private IResult Json(HttpContext context, int status, string json)
    {
        AddNonce(context);
        string type = status >= 400 ? "application/problem+json" : "application/json";
        return Results.Text(json, type, Encoding.UTF8, status);
    }

    private void AddNonce(HttpContext context) => context.Response.Headers["Replay-Nonce"] = "n" + Interlocked.Increment(ref _nonce);

    private static ECDsa KeyOf(JsonElement jwk)
    {
        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlDecode(jwk.GetProperty("x").GetString()!), Y = Base64UrlDecode(jwk.GetProperty("y").GetString()!) },
        };
        return ECDsa.Create(parameters);
    }

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);

    private static X509Certificate2 SelfSigned(string subject, bool ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, ca));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (!ca)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
        }

        using X509Certificate2 made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(ca ? 3650 : 2));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        TlsCertificate.Dispose();
        _ca.Dispose();
    }
}

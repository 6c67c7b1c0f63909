using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Requests;
using RosCert.Scep.Wire;

namespace RosCert.Scep.Server;

/// <summary>
/// The SCEP server (RFC 8894 §3, §4; reference §2.17, §6.1) over the store: the CA operations and
/// PKIOperation. Every answer is a <see cref="ScepReply"/>; malformed input never escapes as an exception.
/// </summary>
public sealed class ScepServerEngine(IStore store, IKeyProtector keys, TimeProvider clock, IScepIssuer issuer)
{
    private readonly ScepSignerCache _signers = new(keys);

    public const string CaCertType = "application/x-x509-ca-cert";
    public const string CaRaCertType = "application/x-x509-ca-ra-cert";
    public const string NextCaCertType = "application/x-x509-next-ca-cert";
    public const string PkiMessageType = "application/x-pki-message";

    /// <summary>
    /// GetCACaps (RFC 8894 §3.5.2): exactly what this server does. SHA-384 matters beyond itself:
    /// strongSwan 5.9.x's pki tests capability bits by index, so it accepts AES only when SHA-384
    /// (its bit 3, read as SCEPStandard) is advertised.
    /// </summary>
    public static ScepReply GetCaCaps(ScepServerSettings server)
    {
        string[] capabilities = ["POSTPKIOperation", "Renewal", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "AES", "DES3", "SCEPStandard"];
        string text = string.Join("\n", server.NextCaCert is null ? capabilities : [.. capabilities, "GetNextCACert"]);
        return new ScepReply(200, "text/plain", System.Text.Encoding.ASCII.GetBytes(text + "\n"));
    }

    /// <summary>
    /// GetCACert (RFC 8894 §4.2.1): the CA alone as DER, or with its issuers as a certs-only bundle;
    /// with <c>ra-cert=</c> the RA first, then the CA chain (RFC 8894 §4.2.1.2).
    /// </summary>
    public ScepReply GetCaCert(ScepServerSettings server)
    {
        (IReadOnlyList<byte[]> chain, byte[]? ra) = store.Read(r => (ChainOf(r, server.CaCert), server.RaCert is { } name ? r.CertificateByName(name)?.Der : null));
        if (chain.Count == 0)
        {
            return ScepReply.Text(500, "the CA certificate of this SCEP server is missing");
        }

        if (server.RaCert is not null)
        {
            return ra is null
                ? ScepReply.Text(500, "the RA certificate of this SCEP server is missing")
                : new ScepReply(200, CaRaCertType, CertsOnly.Write([ra, .. chain]));
        }

        return chain.Count == 1 ? new ScepReply(200, CaCertType, chain[0]) : new ScepReply(200, CaRaCertType, CertsOnly.Write(chain));
    }

    /// <summary>GetNextCACert (RFC 8894 §4.7): the next CA in a certs-only SignedData signed by the current CA.</summary>
    public ScepReply GetNextCaCert(ScepServerSettings server)
    {
        if (server.NextCaCert is null)
        {
            return ScepReply.Text(404, "no next CA certificate");
        }

        (CertificateEntry? ca, CertificateEntry? next) = store.Read(r => (r.CertificateByName(server.CaCert), r.CertificateByName(server.NextCaCert)));
        if (ca?.Der is null || next?.Der is null || ca.PrivateKey is null)
        {
            return ScepReply.Text(500, "the next CA certificate is missing");
        }

        X509Certificate2 signer = _signers.SignerOf(ca);
        byte[] content = CertsOnly.Write([next.Der]);
        var cms = new System.Security.Cryptography.Pkcs.SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(content));
        cms.ComputeSignature(new System.Security.Cryptography.Pkcs.CmsSigner(signer), silent: true);
        return new ScepReply(200, NextCaCertType, cms.Encode());
    }

    /// <summary>Reads a client's signed pkiMessage (RFC 8894 §3.2); otherwise (undecodable, unsigned, a
    /// CertRep) gives the HTTP 400 reply that refuses it.</summary>
    internal static bool TryReadRequest(
        byte[] body,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PkiMessage? request,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ScepReply? refused)
    {
        try
        {
            request = PkiMessageCodec.Read(body);
        }
        catch (ScepException error)
        {
            (request, refused) = (null, ScepReply.Text(400, error.Message));
            return false;
        }

        refused = request.Signer is null || request.Type == MessageType.CertRep ? ScepReply.Text(400, "not a SCEP request") : null;
        return refused is null;
    }

    /// <summary>PKIOperation (RFC 8894 §4.3): a pkiMessage in, a CertRep out.</summary>
    public ScepReply PkiOperation(ScepServerSettings server, byte[] body)
    {
        if (!ScepServerEngine.TryReadRequest(body, out PkiMessage? request, out ScepReply? refused))
        {
            return refused;
        }

        (CertificateEntry? ca, CertificateEntry? ra) = store.Read(r =>
            (r.CertificateByName(ScepCaChoice.NameFor(r, server, request)), server.RaCert is { } name ? r.CertificateByName(name) : null));
        if (ca?.Der is null || ca.PrivateKey is null)
        {
            return ScepReply.Text(500, "the CA of this SCEP server has no private key");
        }

        // RFC 8894 §2.1: with an RA, the RA key opens the envelope and signs the CertRep; the CA still issues.
        string who = server.RaCert is null ? "CA" : "RA certificate";
        CertificateEntry? responder = server.RaCert is null ? ca : ra;
        if (responder?.Der is null || responder.PrivateKey is null)
        {
            return ScepReply.Text(500, $"the {who} of this SCEP server has no private key");
        }

        X509Certificate2 signer = _signers.SignerOf(responder);
        using RSA? caKey = signer.GetRSAPrivateKey();
        if (caKey is null)
        {
            return ScepReply.Text(500, $"the {who} of this SCEP server has no RSA key to decrypt SCEP messages");
        }

        var context = new Exchange(server, ca, request, signer, caKey);
        return Answer(context);
    }

    private ScepReply Answer(Exchange exchange)
    {
        ScepCipher cipher = ScepCipher.Aes256;
        try
        {
            (byte[] content, cipher) = exchange.Request.Envelope is { } envelope
                ? ScepEnvelope.Open(envelope, exchange.CaKey)
                : throw new ScepException(FailInfo.BadRequest, "request has no pkcsPKIEnvelope");
            exchange.Cipher = cipher;
            Outcome outcome = exchange.Request.Type switch
            {
                MessageType.PkcsReq or MessageType.RenewalReq => Enrol(exchange, content),
                MessageType.CertPoll => Poll(exchange),
                MessageType.GetCert => GetCert(exchange, content),
                MessageType.GetCrl => GetCrl(exchange),
                _ => Outcome.Fail(FailInfo.BadRequest),
            };
            return Reply(exchange, outcome);
        }
        catch (ScepException error)
        {
            exchange.Cipher = cipher;
            return Reply(exchange, Outcome.Fail(error.FailInfo));
        }
        catch (Exception error) when (error is CryptographicException or AsnContentException or FormatException)
        {
            exchange.Cipher = cipher;
            return Reply(exchange, Outcome.Fail(FailInfo.BadRequest));
        }
    }

    private Outcome Enrol(Exchange exchange, byte[] requestDer)
    {
        SigningRequest request = CertificateRequests.Load(requestDer);
        if (!request.SignatureValid)
        {
            return Outcome.Fail(FailInfo.BadMessageCheck);
        }

        DateTimeOffset now = clock.GetUtcNow();
        return store.Write(writer =>
        {
            // RFC 8894 §3.3.1: a repeated request in the same transaction is answered like a poll.
            if (ScepRequestQueue.Find(writer, exchange.Server, exchange.Request.TransactionId) is { } known)
            {
                return known.Properties.GetValueOrDefault(ScepStoreNames.KeyHash) == Core.Issuance.KeyMaterial.PublicKeyHash(request.SubjectPublicKeyInfo)
                    ? StatusOf(writer, exchange.Server, known, now)
                    : Outcome.Fail(FailInfo.BadRequest);
            }

            bool granted = IsValidRenewal(writer, exchange, request, now) || ScepOtps.TryUse(writer, request.ChallengePassword, now);
            if (!granted)
            {
                ScepRequestQueue.Add(writer, exchange.Server, exchange.Request.TransactionId, request, now, ScepStoreNames.Pending, issued: null);
                return Outcome.Pending;
            }

            CertificateEntry issued = issuer.Issue(writer, exchange.Ca, exchange.Server, request);
            ScepRequestQueue.Add(writer, exchange.Server, exchange.Request.TransactionId, request, now, ScepStoreNames.Issued, issued);
            return Outcome.Issued(issued.Der!);
        });
    }

    /// <summary>
    /// RenewalReq (RFC 8894 §3.3.1.2): signed by a certificate this CA issued, still valid, not
    /// revoked, with the same subject as the new request.
    /// </summary>
    private static bool IsValidRenewal(IStoreReader reader, Exchange exchange, SigningRequest request, DateTimeOffset now)
    {
        if (exchange.Request.Type != MessageType.RenewalReq || exchange.Request.Signer is not { } signer)
        {
            return false;
        }

        CertificateEntry? old = reader.CertificateByFingerprint(Convert.ToHexStringLower(SHA256.HashData(signer.RawData)));
        return old is not null
            && ScepCaChoice.IssuedUnder(reader, exchange.Server, exchange.Ca, old)
            && old.Revoked is null
            && old.InvalidBefore <= now && now < old.InvalidAfter
            && string.Equals(signer.SubjectName.Name, request.Subject.Name, StringComparison.Ordinal);
    }

    private Outcome Poll(Exchange exchange)
    {
        DateTimeOffset now = clock.GetUtcNow();
        return store.Write(writer => ScepRequestQueue.Find(writer, exchange.Server, exchange.Request.TransactionId) is { } known
            ? StatusOf(writer, exchange.Server, known, now)
            : Outcome.Fail(FailInfo.BadCertId));
    }

    private static Outcome StatusOf(IStoreWriter writer, ScepServerSettings server, ItemRecord request, DateTimeOffset now)
    {
        string status = request.Properties.GetValueOrDefault("status") ?? "";
        if (status == ScepStoreNames.Pending && ScepRequestQueue.IsExpired(request, server, now))
        {
            ScepRequestQueue.With(writer, request, ScepStoreNames.Failed);
            return Outcome.Fail(FailInfo.BadRequest);
        }

        if (status == ScepStoreNames.Pending)
        {
            return Outcome.Pending;
        }

        if ((status == ScepStoreNames.Granted || status == ScepStoreNames.Issued)
            && writer.CertificateByFingerprint(request.Properties.GetValueOrDefault(ScepStoreNames.IssuedFingerprint) ?? "") is { Der: { } der })
        {
            if (status == ScepStoreNames.Granted)
            {
                ScepRequestQueue.With(writer, request, ScepStoreNames.Issued);
            }

            return Outcome.Issued(der);
        }

        return Outcome.Fail(FailInfo.BadRequest);
    }

    /// <summary>GetCert (RFC 8894 §3.3.4): a certificate this CA issued, by issuer and serial number.</summary>
    private Outcome GetCert(Exchange exchange, byte[] content)
    {
        var sequence = new AsnReader(content, AsnEncodingRules.BER).ReadSequence();
        _ = sequence.ReadEncodedValue();
        string serial = Convert.ToHexString(sequence.ReadIntegerBytes().Span.TrimStart((byte)0));
        CertificateEntry? found = store.Read(r => r.Certificates().FirstOrDefault(c =>
            c.IssuedBy == exchange.Ca.Id && (c.SerialNumber ?? "").TrimStart('0') == serial.TrimStart('0')));
        return found?.Der is { } der ? Outcome.Issued(der) : Outcome.Fail(FailInfo.BadCertId);
    }

    /// <summary>GetCRL (RFC 8894 §3.3.4): the CA's current CRL in a certs-only bundle.</summary>
    private Outcome GetCrl(Exchange exchange)
    {
        CrlRecord? crl = store.Read(r => r.Crl(exchange.Ca.Id));
        return crl?.Der is { } der ? new Outcome(PkiStatus.Success, null, CertsOnly.Write([], [der])) : Outcome.Fail(FailInfo.BadCertId);
    }

    private static ScepReply Reply(Exchange exchange, Outcome outcome)
    {
        PkiMessage request = exchange.Request;
        byte[]? envelope = outcome.Content is { } content ? ScepEnvelope.Seal(content, request.Signer!, exchange.Cipher) : null;
        var reply = new PkiMessage
        {
            Type = MessageType.CertRep,
            TransactionId = request.TransactionId,
            SenderNonce = PkiMessageCodec.NewNonce(),
            RecipientNonce = request.SenderNonce,
            Status = outcome.Status,
            FailInfo = outcome.FailInfo,
            Digest = request.Digest,
            Envelope = envelope,
        };
        return new ScepReply(200, PkiMessageType, PkiMessageCodec.Write(reply, exchange.Signer));
    }

    /// <summary>The CA and the CAs above it that are stored here, CA first.</summary>
    private static List<byte[]> ChainOf(IStoreReader reader, string caName)
    {
        var chain = new List<byte[]>();
        CertificateEntry? current = reader.CertificateByName(caName);
        while (current?.Der is { } der && chain.Count < 8)
        {
            chain.Add(der);
            current = current.IssuedBy is { } parent ? reader.Certificate(parent) : null;
        }

        return chain;
    }

    private sealed class Exchange(ScepServerSettings server, CertificateEntry ca, PkiMessage request, X509Certificate2 signer, RSA caKey)
    {
        public ScepServerSettings Server { get; } = server;

        public CertificateEntry Ca { get; } = ca;

        public PkiMessage Request { get; } = request;

        public X509Certificate2 Signer { get; } = signer;

        public RSA CaKey { get; } = caKey;

        public ScepCipher Cipher { get; set; } = ScepCipher.Aes256;
    }

    private sealed record Outcome(PkiStatus Status, FailInfo? FailInfo, byte[]? Content)
    {
        public static Outcome Pending { get; } = new(PkiStatus.Pending, null, null);

        public static Outcome Fail(FailInfo failInfo) => new(PkiStatus.Failure, failInfo, null);

        public static Outcome Issued(byte[] certificate) => new(PkiStatus.Success, null, CertsOnly.Write([certificate]));
    }
}

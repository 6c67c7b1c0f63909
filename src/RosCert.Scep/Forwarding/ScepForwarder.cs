using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Ports;
using RosCert.Core.Requests;
using RosCert.Scep.Client;
using RosCert.Scep.Server;
using RosCert.Scep.Wire;

namespace RosCert.Scep.Forwarding;

/// <summary>
/// The forwarding RA of <c>/certificate/scep-server/ra</c> (reference §2.17, §6.1; RFC 8894 §2.1;
/// decision 0060). A client's pkiMessage is opened with the RA key; its PKCS#10 (unchanged, with the
/// client's challenge) or CertPoll is sealed again to the upstream server, signed by the RA
/// certificate and sent to <c>server-url</c>; the upstream CertRep is checked, opened with the RA key
/// and relayed to the client re-encrypted to the client's certificate with the client's cipher and
/// digest. Every upstream call has a timeout; when the upstream cannot be used the client gets
/// HTTP 502 with the reason, never a hang.
/// </summary>
public sealed class ScepForwarder(IStore store, TimeProvider clock, Func<ScepHttp> http)
{
    /// <summary>
    /// GetCACaps of the RA: what the RA itself does with clients. No <c>Renewal</c> (and so no
    /// <c>SCEPStandard</c>, which implies it): the upstream sees the RA's signature, not the client's
    /// old certificate. SHA-384 keeps strongSwan 5.9's AES check working (see decision 0020).
    /// </summary>
    public static ScepReply GetCaCaps() =>
        new(200, "text/plain", System.Text.Encoding.ASCII.GetBytes("POSTPKIOperation\nSHA-1\nSHA-256\nSHA-384\nSHA-512\nAES\nDES3\n"));

    /// <summary>GetCACert (RFC 8894 §4.2.1.2): the RA and the upstream CA chain, as <c>application/x-x509-ca-ra-cert</c>.</summary>
    public static ScepReply GetCaCert(ScepRaContext ra) =>
        new(200, ScepServerEngine.CaRaCertType,
            CertsOnly.Write([ra.Certificate.RawData, .. ra.Upstream.Certificates.Where(ScepServerView.IsAuthority).Select(c => c.RawData)]));

    /// <summary>PKIOperation: a client's pkiMessage in, the relayed CertRep (or an HTTP error) out.</summary>
    public ScepReply PkiOperation(ScepRaContext ra, byte[] body)
    {
        if (!ScepServerEngine.TryReadRequest(body, out PkiMessage? request, out ScepReply? refused))
        {
            return refused;
        }

        using RSA? key = ra.Certificate.GetRSAPrivateKey();
        if (key is null)
        {
            return ScepReply.Text(500, "the RA certificate has no RSA key to decrypt SCEP messages");
        }

        ScepCipher cipher = ScepCipher.Aes256;
        try
        {
            (byte[] content, cipher) = request.Envelope is { } envelope
                ? ScepEnvelope.Open(envelope, key)
                : throw new ScepException(FailInfo.BadRequest, "request has no pkcsPKIEnvelope");
            return Forward(ra, request, content, cipher);
        }
        catch (ScepException error)
        {
            return Relay(ra, request, cipher, new CertRep(PkiStatus.Failure, error.FailInfo, [], []));
        }
        catch (Exception error) when (error is CryptographicException or AsnContentException)
        {
            return Relay(ra, request, cipher, new CertRep(PkiStatus.Failure, FailInfo.BadRequest, [], []));
        }
    }

    private ScepReply Forward(ScepRaContext ra, PkiMessage request, byte[] content, ScepCipher cipher)
    {
        DateTimeOffset now = clock.GetUtcNow();
        string transaction = request.TransactionId;
        byte[] nonce = PkiMessageCodec.NewNonce();
        ScepServerView upstream = ra.Upstream;
        byte[] message;
        if (request.Type is MessageType.PkcsReq or MessageType.RenewalReq)
        {
            SigningRequest signing = CertificateRequests.Load(content);
            if (!signing.SignatureValid)
            {
                throw new ScepException(FailInfo.BadMessageCheck, "the certificate request's signature is not valid");
            }

            store.Write(w =>
            {
                ScepRaJournal.Opened(w, ra.Settings, transaction, signing, now);
                return 0;
            });
            message = ScepRequestBuilder.Enrol(content, renewal: false, transaction, nonce, ra.Certificate, upstream.Recipient, upstream.Algorithms);
        }
        else if (request.Type == MessageType.CertPoll)
        {
            if (store.Read(r => ScepRaJournal.Find(r, ra.Settings, transaction)) is not { } known || !ScepRaJournal.IsLive(known, ra.Settings, now))
            {
                Answered(ra, transaction, ScepStoreNames.Failed);
                throw new ScepException(FailInfo.BadCertId, "unknown or expired transaction");
            }

            (X500DistinguishedName issuer, X500DistinguishedName subject) = IssuerAndSubject(content);
            message = ScepRequestBuilder.Poll(issuer, subject, transaction, nonce, ra.Certificate, upstream.Recipient, upstream.Algorithms);
        }
        else
        {
            // GetCert and GetCRL are not forwarded (decision 0060): the client asks the CA itself.
            throw new ScepException(FailInfo.BadRequest, "only PKCSReq and CertPoll are forwarded");
        }

        CertRep answer;
        try
        {
            answer = Send(ra, message, transaction, nonce);
        }
        catch (ScepException error)
        {
            return ScepReply.Text(502, "upstream SCEP server: " + error.Message);
        }

        Answered(ra, transaction, answer.Status switch
        {
            PkiStatus.Success => ScepStoreNames.Issued,
            PkiStatus.Pending => ScepRaJournal.Waiting,
            _ => ScepStoreNames.Failed,
        });
        return Relay(ra, request, cipher, answer);
    }

    /// <summary>One upstream PKIOperation, POST when advertised; the reply must come from the upstream CA or its RA.</summary>
    private CertRep Send(ScepRaContext ra, byte[] message, string transaction, byte[] nonce)
    {
        using ScepHttp client = http();
        string url = ra.Settings.ServerUrl;
        ScepHttpReply reply = ra.Upstream.UsePost ? client.Post(url, message) : client.Get(url, "PKIOperation", Convert.ToBase64String(message));
        if (reply.StatusCode != 200)
        {
            throw new ScepException($"PKIOperation failed with HTTP {reply.StatusCode}");
        }

        return CertRepReader.Read(reply.Body, ra.Upstream.Certificates, ra.Certificate, transaction, nonce);
    }

    private void Answered(ScepRaContext ra, string transaction, string status) =>
        store.Write(w =>
        {
            ScepRaJournal.Answered(w, ra.Settings, transaction, status);
            return 0;
        });

    /// <summary>The CertRep to the client (RFC 8894 §3.3.2): its transaction and nonce, its digest, sealed to its certificate with its cipher.</summary>
    private static ScepReply Relay(ScepRaContext ra, PkiMessage request, ScepCipher cipher, CertRep answer)
    {
        byte[]? envelope = answer.Status == PkiStatus.Success
            ? ScepEnvelope.Seal(CertsOnly.Write(answer.Certificates, answer.Crls.Count > 0 ? answer.Crls : null), request.Signer!, cipher)
            : null;
        var reply = new PkiMessage
        {
            Type = MessageType.CertRep,
            TransactionId = request.TransactionId,
            SenderNonce = PkiMessageCodec.NewNonce(),
            RecipientNonce = request.SenderNonce,
            Status = answer.Status,
            FailInfo = answer.Status == PkiStatus.Failure ? answer.FailInfo ?? FailInfo.BadRequest : null,
            Digest = request.Digest,
            Envelope = envelope,
        };
        return new ScepReply(200, ScepServerEngine.PkiMessageType, PkiMessageCodec.Write(reply, ra.Certificate));
    }

    /// <summary>IssuerAndSubject of a CertPoll (RFC 8894 §3.3.3).</summary>
    private static (X500DistinguishedName Issuer, X500DistinguishedName Subject) IssuerAndSubject(byte[] content)
    {
        AsnReader sequence = new AsnReader(content, AsnEncodingRules.BER).ReadSequence();
        var issuer = new X500DistinguishedName(sequence.ReadEncodedValue().Span);
        var subject = new X500DistinguishedName(sequence.ReadEncodedValue().Span);
        return (issuer, subject);
    }
}

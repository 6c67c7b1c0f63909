using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Scep.Wire;

namespace RosCert.Scep.Client;

/// <summary>The algorithms a client uses for one exchange: the envelope cipher and the signature digest.</summary>
public sealed record ScepAlgorithmChoice(ScepCipher Cipher, DigestAlgorithm Digest);

/// <summary>
/// Builds the client's pkiMessages (RFC 8894 §3.3): PKCSReq and RenewalReq carry the PKCS#10 in
/// an envelope to the CA (or RA); CertPoll carries IssuerAndSubject; GetCert/GetCRL carry
/// IssuerAndSerialNumber. Each is signed by <c>signer</c>: a self-signed certificate of the new key,
/// or the current certificate for a renewal.
/// </summary>
public static class ScepRequestBuilder
{
    public static byte[] Enrol(byte[] requestDer, bool renewal, string transactionId, byte[] senderNonce, X509Certificate2 signer, X509Certificate2 recipient, ScepAlgorithmChoice algorithms) =>
        Build(renewal ? MessageType.RenewalReq : MessageType.PkcsReq, requestDer, transactionId, senderNonce, signer, recipient, algorithms);

    /// <summary>CertPoll (RFC 8894 §3.3.3): IssuerAndSubject of the pending request.</summary>
    public static byte[] Poll(X500DistinguishedName issuer, X500DistinguishedName subject, string transactionId, byte[] senderNonce, X509Certificate2 signer, X509Certificate2 recipient, ScepAlgorithmChoice algorithms)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(issuer.RawData);
            writer.WriteEncodedValue(subject.RawData);
        }

        return Build(MessageType.CertPoll, writer.Encode(), transactionId, senderNonce, signer, recipient, algorithms);
    }

    /// <summary>GetCert or GetCRL (RFC 8894 §3.3.4): IssuerAndSerialNumber.</summary>
    public static byte[] Query(MessageType type, X500DistinguishedName issuer, byte[] serialNumber, string transactionId, byte[] senderNonce, X509Certificate2 signer, X509Certificate2 recipient, ScepAlgorithmChoice algorithms)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(issuer.RawData);
            writer.WriteIntegerUnsigned(serialNumber);
        }

        return Build(type, writer.Encode(), transactionId, senderNonce, signer, recipient, algorithms);
    }

    private static byte[] Build(MessageType type, byte[] content, string transactionId, byte[] senderNonce, X509Certificate2 signer, X509Certificate2 recipient, ScepAlgorithmChoice algorithms)
    {
        var message = new PkiMessage
        {
            Type = type,
            TransactionId = transactionId,
            SenderNonce = senderNonce,
            Digest = algorithms.Digest,
            Envelope = ScepEnvelope.Seal(content, recipient, algorithms.Cipher),
        };
        return PkiMessageCodec.Write(message, signer);
    }
}

/// <summary>A CertRep as the client reads it (RFC 8894 §3.3.2).</summary>
public sealed record CertRep(PkiStatus Status, FailInfo? FailInfo, IReadOnlyList<byte[]> Certificates, IReadOnlyList<byte[]> Crls);

/// <summary>Reads and checks a CertRep: signed by a certificate we expect, for our transaction and nonce.</summary>
public static class CertRepReader
{
    /// <summary>
    /// Verifies the reply's signature by one of <paramref name="authorities"/> (the CA or its RA),
    /// its transactionID and recipientNonce, then decrypts a SUCCESS with <paramref name="requester"/>'s key.
    /// </summary>
    public static CertRep Read(byte[] reply, IReadOnlyList<X509Certificate2> authorities, X509Certificate2 requester, string transactionId, byte[] senderNonce)
    {
        PkiMessage message = PkiMessageCodec.Read(reply);
        if (message.Type != MessageType.CertRep || message.Status is not { } status)
        {
            throw new ScepException(FailInfo.BadMessageCheck, "the reply is not a CertRep");
        }

        if (message.Signer is null || !authorities.Any(a => a.RawData.AsSpan().SequenceEqual(message.Signer.RawData)))
        {
            throw new ScepException(FailInfo.BadMessageCheck, "the reply is not signed by the CA or its RA");
        }

        if (message.TransactionId != transactionId || (message.RecipientNonce is { } nonce && !nonce.AsSpan().SequenceEqual(senderNonce)))
        {
            throw new ScepException(FailInfo.BadMessageCheck, "the reply belongs to another transaction");
        }

        if (status != PkiStatus.Success)
        {
            return new CertRep(status, message.FailInfo, [], []);
        }

        using System.Security.Cryptography.RSA key = requester.GetRSAPrivateKey() ?? throw new ScepException(FailInfo.BadAlg, "the requester key is not RSA");
        byte[] envelope = message.Envelope ?? throw new ScepException(FailInfo.BadMessageCheck, "SUCCESS without content");
        (byte[] content, _) = ScepEnvelope.Open(envelope, key);
        (IReadOnlyList<byte[]> certificates, IReadOnlyList<byte[]> crls) = CertsOnly.Read(content);
        return new CertRep(status, null, certificates, crls);
    }
}

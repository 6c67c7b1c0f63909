using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Scep.Wire;

/// <summary>
/// A pkiMessage (RFC 8894 §3.2): a CMS SignedData whose authenticated attributes carry the SCEP
/// transaction state and whose content, when present, is the DER of a pkcsPKIEnvelope (EnvelopedData).
/// </summary>
public sealed record PkiMessage
{
    public required MessageType Type { get; init; }

    /// <summary>The transactionID attribute (RFC 8894 §3.2.1.1), a printable string.</summary>
    public required string TransactionId { get; init; }

    public required byte[] SenderNonce { get; init; }

    public byte[]? RecipientNonce { get; init; }

    /// <summary>Present on CertRep only.</summary>
    public PkiStatus? Status { get; init; }

    /// <summary>Present on a FAILURE CertRep.</summary>
    public FailInfo? FailInfo { get; init; }

    /// <summary>The SignerInfo's digest algorithm; the answer uses the same (RFC 8894 §3.3.2).</summary>
    public DigestAlgorithm Digest { get; init; } = DigestAlgorithm.Sha256;

    /// <summary>The signer's certificate (self-signed for a new request, the old one for a renewal); no private key.</summary>
    public X509Certificate2? Signer { get; init; }

    /// <summary>The pkcsPKIEnvelope as DER ContentInfo, or null when the message has none (PENDING, FAILURE).</summary>
    public byte[]? Envelope { get; init; }
}

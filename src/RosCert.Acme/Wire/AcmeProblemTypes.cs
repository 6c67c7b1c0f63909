namespace RosCert.Acme.Wire;

/// <summary>What a client does on a problem type.</summary>
public enum ProblemAction
{
    /// <summary>Give up and report the server's text.</summary>
    Fail,

    /// <summary>Send the same request again with the fresh nonce of the error response (RFC 8555 §6.5).</summary>
    RetryWithNewNonce,

    /// <summary>Give up for now; try again after Retry-After (RFC 8555 §6.6).</summary>
    RetryLater,
}

/// <summary>One ACME error type: its short name (after <c>urn:ietf:params:acme:error:</c>), meaning and action.</summary>
public sealed record AcmeProblemType(string Name, string Meaning, ProblemAction Action)
{
    public string Urn => AcmeProblemTypes.Prefix + Name;
}

/// <summary>
/// Every ACME problem type in one table: RFC 8555 §6.7 (Table) and RFC 9773 §7.4
/// (<c>alreadyReplaced</c>). Unknown types from a server are kept as text and fail the operation.
/// </summary>
public static class AcmeProblemTypes
{
    public const string Prefix = "urn:ietf:params:acme:error:";

    public static IReadOnlyList<AcmeProblemType> All { get; } =
    [
        new("accountDoesNotExist", "the request specified an account that does not exist", ProblemAction.Fail),
        new("alreadyReplaced", "the order named in replaces was already replaced", ProblemAction.Fail),
        new("alreadyRevoked", "the certificate was already revoked", ProblemAction.Fail),
        new("badCSR", "the CSR is unacceptable", ProblemAction.Fail),
        new("badNonce", "the client sent an unacceptable anti-replay nonce", ProblemAction.RetryWithNewNonce),
        new("badPublicKey", "the JWS was signed by a public key the server does not support", ProblemAction.Fail),
        new("badRevocationReason", "the revocation reason is not allowed", ProblemAction.Fail),
        new("badSignatureAlgorithm", "the JWS was signed with an algorithm the server does not support", ProblemAction.Fail),
        new("caa", "CAA records forbid the CA from issuing", ProblemAction.Fail),
        new("compound", "several errors; see sub-problems", ProblemAction.Fail),
        new("connection", "the server could not connect to the validation target", ProblemAction.Fail),
        new("dns", "there was a problem with a DNS query during validation", ProblemAction.Fail),
        new("externalAccountRequired", "the request must include a value for externalAccountBinding", ProblemAction.Fail),
        new("incorrectResponse", "the response received did not match the challenge's requirements", ProblemAction.Fail),
        new("invalidContact", "a contact URL for an account was invalid", ProblemAction.Fail),
        new("malformed", "the request message was malformed", ProblemAction.Fail),
        new("orderNotReady", "the order is not ready to be finalized", ProblemAction.Fail),
        new("rateLimited", "the request exceeds a rate limit", ProblemAction.RetryLater),
        new("rejectedIdentifier", "the server will not issue for the identifier", ProblemAction.Fail),
        new("serverInternal", "the server experienced an internal error", ProblemAction.Fail),
        new("tls", "the server received a TLS error during validation", ProblemAction.Fail),
        new("unauthorized", "the client lacks sufficient authorization", ProblemAction.Fail),
        new("unsupportedContact", "a contact URL for an account used an unsupported protocol scheme", ProblemAction.Fail),
        new("unsupportedIdentifier", "an identifier is of an unsupported type", ProblemAction.Fail),
        new("userActionRequired", "visit the instance URL and take the actions specified there", ProblemAction.Fail),
    ];

    private static readonly Dictionary<string, AcmeProblemType> s_byUrn = All.ToDictionary(t => t.Urn, StringComparer.Ordinal);

    /// <summary>The table row of a type URN; null for types outside the ACME namespace or unknown to us.</summary>
    public static AcmeProblemType? Find(string? urn) => urn is null ? null : s_byUrn.GetValueOrDefault(urn);
}

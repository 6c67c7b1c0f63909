using RosCert.Core.Model;
using RosCert.Core.Revocation;

namespace RosCert.Core.Verification;

/// <summary>One check of one link: passed or not, and the words <c>verify</c> prints for it.</summary>
public sealed record LinkCheck(bool Ok, string Text)
{
    public static readonly LinkCheck Passed = new(true, "ok");
}

/// <summary>
/// One certificate of a built chain (index 0 is the certificate asked about) and its checks: the
/// signature by the next link (RFC 5280 §6.1.3 (a)(1)), validity (a)(2), revocation (a)(3), and for
/// issuers key usage (§4.2.1.3, keyCertSign) and basic constraints (§4.2.1.9, cA and pathLen).
/// </summary>
public sealed record ChainLink(
    CertificateEntry Certificate,
    string Subject,
    bool Builtin,
    LinkCheck Signature,
    LinkCheck Validity,
    LinkCheck KeyUsage,
    LinkCheck BasicConstraints,
    LinkCheck Revocation,
    RevocationCheck? RevocationDetail)
{
    public bool Ok => Signature.Ok && Validity.Ok && KeyUsage.Ok && BasicConstraints.Ok && Revocation.Ok;
}

/// <summary>The chain as built, from the certificate up to its anchor, and the verdict with its first reason.</summary>
public sealed record ChainVerdict(IReadOnlyList<ChainLink> Links, bool Ok, string Reason);

/// <summary>
/// What a chain check may use beyond the store: the system anchors (<c>/certificate/builtin</c>,
/// per <c>builtin-trust-store</c>), and with <c>crl-use=yes</c> the CRLs of the store.
/// </summary>
public sealed record ChainOptions(bool UseCrls, IReadOnlyList<CertificateEntry> BuiltinAnchors, RevocationIndex? Revocations);

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Revocation;
using RosCert.Core.Signatures;

namespace RosCert.Core.Verification;

/// <summary>
/// Builds and checks a certificate's chain from the store's certificates and the system anchors
/// (RFC 5280 §6.1, simplified to what RouterOS checks): issuers are found by authority key id, else
/// by issuer name; the chain must end at a trusted certificate (flag T) or a built-in anchor. With
/// <see cref="ChainOptions.UseCrls"/> every certificate below the anchor needs a valid, current CRL
/// of its issuer that does not list it, as RouterOS does with <c>crl-use=yes</c> (reference §1.7).
/// Pure: reads only the store reader and the options it is given.
/// </summary>
public static class ChainVerifier
{
    /// <summary>Longer chains are cut (a loop or a hostile store cannot make the walk endless).</summary>
    public const int MaxDepth = 10;

    public static ChainVerdict Verify(CertificateEntry leaf, IStoreReader store, DateTimeOffset now, ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (leaf.Der is null)
        {
            return new ChainVerdict([], false, $"{leaf.Name} is a template, not a certificate");
        }

        List<Node> path = Build(leaf, store, options);
        var links = new List<ChainLink>(path.Count);
        for (int i = 0; i < path.Count; i++)
        {
            links.Add(Check(path, i, now, options));
        }

        return new ChainVerdict(links, links.All(l => l.Ok) && Anchored(path), Reason(path, links));
    }

    private sealed record Node(CertificateEntry Entry, bool Builtin, Facts Facts);

    private static List<Node> Build(CertificateEntry leaf, IStoreReader store, ChainOptions options)
    {
        var path = new List<Node> { new(leaf, false, Facts.Of(leaf.Der!)) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { leaf.Fingerprint ?? "" };
        while (path.Count < MaxDepth && !path[^1].Facts.SelfIssued)
        {
            Node? issuer = FindIssuer(path[^1], store, options);
            if (issuer is null || !seen.Add(issuer.Entry.Fingerprint ?? ""))
            {
                break;
            }

            path.Add(issuer);
        }

        return path;
    }

    /// <summary>Candidates by key id (RFC 5280 §4.2.1.1), else by subject name; one whose key verifies the signature wins.</summary>
    private static Node? FindIssuer(Node child, IStoreReader store, ChainOptions options)
    {
        string? akid = string.IsNullOrEmpty(child.Entry.Akid) ? null : child.Entry.Akid;
        IEnumerable<(CertificateEntry Entry, bool Builtin)> candidates = akid is not null
            ? store.CertificatesBySkid(akid).Select(e => (e, false)).Concat(options.BuiltinAnchors.Where(a => a.Skid == akid).Select(a => (a, true)))
            : store.Certificates().Select(e => (e, false)).Concat(options.BuiltinAnchors.Select(a => (a, true)));
        Node[] named = candidates
            .Where(c => c.Entry.Der is not null)
            .Select(c => new Node(c.Entry, c.Builtin, Facts.Of(c.Entry.Der!)))
            .Where(n => n.Facts.Subject == child.Facts.Issuer)
            .ToArray();
        return named.FirstOrDefault(n => SignedBy(child.Entry.Der!, n.Facts)) ?? named.FirstOrDefault();
    }

    private static ChainLink Check(List<Node> path, int index, DateTimeOffset now, ChainOptions options)
    {
        Node node = path[index];
        Node? issuer = index + 1 < path.Count ? path[index + 1] : node.Facts.SelfIssued ? node : null;
        bool isIssuer = index > 0;
        bool anchor = index == path.Count - 1 && Trusted(node);
        RevocationCheck? revocation = options.UseCrls && !anchor ? (options.Revocations?.Check(node.Entry) ?? new RevocationCheck(RevocationState.NoCrl, null)) : null;
        return new ChainLink(
            node.Entry,
            node.Facts.Subject,
            node.Builtin,
            SignatureCheck(node, issuer, anchor),
            ValidityCheck(node.Entry, now),
            isIssuer && !node.Facts.MaySignCertificates ? new LinkCheck(false, "no key-cert-sign") : LinkCheck.Passed,
            isIssuer ? ConstraintsCheck(path, index) : LinkCheck.Passed,
            RevocationText(options.UseCrls, anchor, revocation),
            revocation);
    }

    private static LinkCheck SignatureCheck(Node node, Node? issuer, bool anchor)
    {
        if (issuer is null)
        {
            return anchor ? new LinkCheck(true, "trusted, issuer not needed") : new LinkCheck(false, "issuer not found");
        }

        bool verifies = SignedBy(node.Entry.Der!, issuer.Facts);
        return (verifies, ReferenceEquals(issuer, node)) switch
        {
            (true, true) => new LinkCheck(true, "ok, self-signed"),
            (true, false) => LinkCheck.Passed,
            (false, _) => new LinkCheck(false, $"does not verify with the key of {issuer.Entry.Name}"),
        };
    }

    private static LinkCheck ValidityCheck(CertificateEntry entry, DateTimeOffset now) =>
        entry.InvalidBefore is { } before && now < before ? new LinkCheck(false, "not valid yet")
        : entry.InvalidAfter is { } after && now > after ? new LinkCheck(false, "expired")
        : LinkCheck.Passed;

    /// <summary>RFC 5280 §4.2.1.9: an issuer is a CA, and pathLenConstraint counts the non-self-issued CAs below it.</summary>
    private static LinkCheck ConstraintsCheck(List<Node> path, int index)
    {
        Facts facts = path[index].Facts;
        if (!facts.IsCa)
        {
            return new LinkCheck(false, "not a CA");
        }

        int intermediatesBelow = path.Take(index).Skip(1).Count(n => !n.Facts.SelfIssued);
        return facts.PathLength is { } limit && intermediatesBelow > limit
            ? new LinkCheck(false, $"path length {intermediatesBelow} exceeds {limit}")
            : LinkCheck.Passed;
    }

    private static LinkCheck RevocationText(bool useCrls, bool anchor, RevocationCheck? check) =>
        !useCrls ? new LinkCheck(true, "not checked, crl-use=no")
        : anchor ? new LinkCheck(true, "trust anchor, not checked")
        : check!.State switch
        {
            RevocationState.NotRevoked => LinkCheck.Passed,
            RevocationState.Revoked => new LinkCheck(false, "revoked"),
            RevocationState.NoCrl => new LinkCheck(false, "no CRL of its issuer"),
            RevocationState.CrlExpired => new LinkCheck(false, "CRL of its issuer expired"),
            _ => new LinkCheck(false, "CRL of its issuer is invalid"),
        };

    private static bool Trusted(Node node) => node.Builtin || node.Entry.EffectiveTrusted;

    private static bool Anchored(List<Node> path) => Trusted(path[^1]);

    /// <summary>The first failure, from the certificate upwards, in words; "ok" when the chain holds.</summary>
    private static string Reason(List<Node> path, List<ChainLink> links)
    {
        foreach (ChainLink link in links)
        {
            string name = link.Certificate.Name;
            string? reason =
                !link.Signature.Ok ? $"{name}: signature {link.Signature.Text}"
                : !link.Validity.Ok ? $"{name} is {link.Validity.Text}"
                : !link.KeyUsage.Ok ? $"{name} may not sign certificates (no key-cert-sign)"
                : !link.BasicConstraints.Ok ? $"{name}: basic constraints: {link.BasicConstraints.Text}"
                : !link.Revocation.Ok ? RevocationReason(link)
                : null;
            if (reason is not null)
            {
                return reason;
            }
        }

        return Anchored(path) ? "ok" : $"{path[^1].Entry.Name} is not trusted";
    }

    private static string RevocationReason(ChainLink link)
    {
        string name = link.Certificate.Name;
        string issuer = link.Certificate.Issuer ?? "its issuer";
        return link.RevocationDetail!.State switch
        {
            RevocationState.Revoked => $"{name} is revoked by the CRL of {issuer}",
            RevocationState.NoCrl => $"crl-use=yes needs a CRL of {issuer} to check {name}, and there is none",
            RevocationState.CrlExpired => $"the CRL of {issuer} is past its next-update, {name} cannot be checked",
            _ => $"the CRL of {issuer} does not verify against its issuer, {name} cannot be checked",
        };
    }

    private static bool SignedBy(byte[] certificateDer, Facts issuer)
    {
        // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
        try
        {
            AsnReader certificate = new AsnReader(certificateDer, AsnEncodingRules.DER).ReadSequence();
            byte[] tbs = certificate.ReadEncodedValue().ToArray();
            string oid = certificate.ReadSequence().ReadObjectIdentifier();
            byte[] signature = certificate.ReadBitString(out _);
            return SignatureAlgorithms.Find(oid) is { } algorithm && SignatureAlgorithms.Verify(algorithm, issuer.PublicKeyInfo, tbs, signature);
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    /// <summary>The facts of one certificate the checks need, read once.</summary>
    private sealed record Facts(string Subject, string Issuer, bool SelfIssued, bool IsCa, int? PathLength, bool MaySignCertificates, byte[] PublicKeyInfo)
    {
        public static Facts Of(byte[] der)
        {
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
            string subject = DistinguishedNames.Format(certificate.SubjectName);
            string issuer = DistinguishedNames.Format(certificate.IssuerName);
            X509BasicConstraintsExtension? constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            X509KeyUsageExtension? usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
            return new Facts(
                subject,
                issuer,
                certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData),
                constraints?.CertificateAuthority == true,
                constraints is { HasPathLengthConstraint: true } ? constraints.PathLengthConstraint : null,
                usage is null || (usage.KeyUsages & X509KeyUsageFlags.KeyCertSign) != 0,
                certificate.PublicKey.ExportSubjectPublicKeyInfo());
        }
    }
}

using RosCert.Core.Issuance;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>Fills the certificate fields of an entry from what the issuer made (reference §3.1 read-only properties).</summary>
public static class IssuedEntries
{
    public static CertificateEntry WithIssued(this CertificateEntry entry, IssuedCertificate issued, ItemId? issuedBy, SealedKey? privateKey) => entry with
    {
        Der = issued.Der,
        PrivateKey = privateKey,
        SerialNumber = issued.SerialNumber,
        Fingerprint = issued.Fingerprint,
        Skid = issued.Skid,
        Akid = issued.Akid,
        InvalidBefore = issued.InvalidBefore,
        InvalidAfter = issued.InvalidAfter,
        Issuer = issued.Issuer,
        IssuedBy = issuedBy,
        CrlDistributionPoints = issued.CrlDistributionPoints,
        PublicKeyHash = issued.PublicKeyHash,
    };

    /// <summary>
    /// The fields of an entry for a certificate read from outside (import, the builtin trust anchors,
    /// an ACME download): subject, alternative names, key size (<paramref name="keySize"/> when the
    /// caller already has it), days-valid rounded to whole days, signature digest, key usage and the
    /// printed facts (reference §3.1). The entry keeps its own private key.
    /// </summary>
    public static CertificateEntry WithCertificate(this CertificateEntry entry, byte[] der, KeySize? keySize = null)
    {
        IssuedCertificate facts = CertificateFacts.Describe(der);
        SubjectFields subject = CertificateFacts.SubjectOf(der);
        return (entry with
        {
            CommonName = subject.CommonName,
            Country = subject.Country,
            State = subject.State,
            Locality = subject.Locality,
            Organization = subject.Organization,
            Unit = subject.Unit,
            SubjectAltName = string.Join(',', CertificateFacts.SubjectAltNamesOf(der).Select(SignRequestCommand.SanText)),
            KeySize = keySize ?? CertificateFacts.KeySizeOf(der),
            DaysValid = (int)Math.Round((facts.InvalidAfter - facts.InvalidBefore).TotalDays),
            DigestAlgorithm = CertificateFacts.SignatureDigestOf(der),
            KeyUsage = CertificateFacts.KeyUsageOf(der),
        }).WithIssued(facts, issuedBy: null, privateKey: entry.PrivateKey);
    }
}

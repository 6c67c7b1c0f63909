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
}

using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Core.Issuance;

/// <summary>The extensions of a certificate RouterOS signs, in its order (reference §8).</summary>
internal static class IssuanceExtensions
{
    private const string SubjectAltNameOid = "2.5.29.17";
    private const string CrlDistributionPointsOid = "2.5.29.31";

    public static IEnumerable<X509Extension> For(IssuanceRequest request, byte[] subjectKeyId, byte[] issuerKeyId, IReadOnlyList<string> crlHosts)
    {
        // RFC 5280 §4.2.1.9: "Conforming CAs MUST include this extension in all CA certificates that
        // contain public keys used to validate digital signatures on certificates and MUST mark the
        // extension as critical". cA is TRUE exactly when key-cert-sign is asked for; no pathLen.
        bool isAuthority = (request.KeyUsage & KeyUsage.KeyCertSign) != 0;
        yield return new X509BasicConstraintsExtension(isAuthority, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true);

        // RFC 5280 §4.2.1.3: "When present, conforming CAs SHOULD mark this extension as critical."
        X509KeyUsageFlags bits = KeyUsageBits(request.KeyUsage);
        if (bits != X509KeyUsageFlags.None)
        {
            yield return new X509KeyUsageExtension(bits, critical: true);
        }

        // RFC 5280 §4.2.1.12: "this extension MAY, at the option of the certificate issuer, be either critical or non-critical."
        OidCollection purposes = ExtendedKeyUsages(request.KeyUsage);
        if (purposes.Count > 0)
        {
            yield return new X509EnhancedKeyUsageExtension(purposes, critical: false);
        }

        // RFC 5280 §4.2.1.6: critical only when the subject is empty, which is refused before.
        if (request.SubjectAltNames.Count > 0)
        {
            yield return new X509Extension(SubjectAltNameOid, EncodeGeneralNames(request.SubjectAltNames), critical: false);
        }

        // RFC 5280 §4.2.1.2 and §4.2.1.1: both "MUST NOT" be marked critical.
        yield return new X509SubjectKeyIdentifierExtension(subjectKeyId, critical: false);
        yield return X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(issuerKeyId);

        // RFC 5280 §4.2.1.13: one DistributionPoint whose fullName lists one URI per CRL host.
        if (crlHosts.Count > 0)
        {
            yield return new X509Extension(CrlDistributionPointsOid, EncodeDistributionPoint(CrlUrls(crlHosts, issuerKeyId)), critical: false);
        }
    }

    /// <summary>The CRL URL of the issuer on each of its CRL hosts (reference §2.19: <c>http://host/crl/SKID.crl</c>).</summary>
    public static IReadOnlyList<string> CrlUrls(IReadOnlyList<string> crlHosts, byte[] issuerKeyId)
    {
        string name = Convert.ToHexString(issuerKeyId);
        return [.. crlHosts.Select(host => $"http://{UriHost(host)}/crl/{name}.crl")];
    }

    /// <summary>The KeyUsage bits of a keyword set: table bit n is X.509 bit n (bit 8 decipherOnly).</summary>
    public static X509KeyUsageFlags KeyUsageBits(KeyUsage usage)
    {
        var bits = X509KeyUsageFlags.None;
        foreach (KeyUsageKeyword row in KeyUsages.Table)
        {
            if (row.Extension == KeyUsageExtension.KeyUsage && (usage & row.Flag) != 0)
            {
                bits |= FlagOfBit(row.Bit);
            }
        }

        return bits;
    }

    /// <summary>.NET numbers the flags like the first two bytes of the BIT STRING: bit 0 is 0x80, bit 8 is 0x8000.</summary>
    public static X509KeyUsageFlags FlagOfBit(int bit) => (X509KeyUsageFlags)(bit < 8 ? 0x80 >> bit : 0x8000 >> (bit - 8));

    private static OidCollection ExtendedKeyUsages(KeyUsage usage)
    {
        var oids = new OidCollection();
        foreach (KeyUsageKeyword row in KeyUsages.Table)
        {
            if (row.Extension == KeyUsageExtension.ExtendedKeyUsage && (usage & row.Flag) != 0)
            {
                oids.Add(new Oid(row.Oid!));
            }
        }

        return oids;
    }

    // GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName
    // GeneralName ::= CHOICE { rfc822Name [1] IA5String, dNSName [2] IA5String, ..., iPAddress [7] OCTET STRING, ... }
    private static byte[] EncodeGeneralNames(IReadOnlyList<SanEntry> entries)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (SanEntry entry in entries)
            {
                switch (entry.Kind)
                {
                    case SanKind.Email:
                        writer.WriteCharacterString(UniversalTagNumber.IA5String, entry.Value, new Asn1Tag(TagClass.ContextSpecific, 1));
                        break;
                    case SanKind.Dns:
                        writer.WriteCharacterString(UniversalTagNumber.IA5String, entry.Value, new Asn1Tag(TagClass.ContextSpecific, 2));
                        break;
                    default:
                        // RFC 5280 §4.2.1.6: "the octet string MUST contain exactly four octets" (IPv4) or sixteen (IPv6).
                        writer.WriteOctetString(ParseAddress(entry.Value).GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
                        break;
                }
            }
        }

        return writer.Encode();
    }

    // CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint
    // DistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL, ... }
    // DistributionPointName ::= CHOICE { fullName [0] GeneralNames, ... }; uniformResourceIdentifier [6] IA5String
    // One DistributionPoint whose fullName lists every host's URI; .NET's BuildCrlDistributionPointExtension
    // would write one DistributionPoint per URI instead.
    private static byte[] EncodeDistributionPoint(IEnumerable<string> uris)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        {
            foreach (string uri in uris)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, new Asn1Tag(TagClass.ContextSpecific, 6));
            }
        }

        return writer.Encode();
    }

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text, out IPAddress? address) ? address : throw new ArgumentException($"{text} is not an IP address");

    /// <summary>An IPv6 literal goes into a URI in brackets (RFC 3986 §3.2.2).</summary>
    private static string UriHost(string host) =>
        IPAddress.TryParse(host, out IPAddress? address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
}

using System.Formats.Asn1;

namespace RosCert.Core.Import;

/// <summary>
/// The certificates and CRLs of a PKCS#7 SignedData "certs-only" bundle (RFC 2315 §9.1, RFC 5652 §5.1),
/// as <c>openssl crl2pkcs7</c> and Windows' .p7b exports write it. Signatures and content are not
/// looked at. BER is accepted because some producers use indefinite lengths.
/// </summary>
internal static class Pkcs7Bundle
{
    private static readonly Asn1Tag s_certificates = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag s_crls = new(TagClass.ContextSpecific, 1, isConstructed: true);

    /// <summary>Certificates and CRLs in bundle order; other CertificateChoices (attribute certificates …) are left out.</summary>
    /// <exception cref="AsnContentException">The bundle is damaged.</exception>
    public static (List<ReadOnlyMemory<byte>> Certificates, List<ReadOnlyMemory<byte>> Crls) Read(ReadOnlyMemory<byte> contentInfo)
    {
        // ContentInfo ::= SEQUENCE { contentType, content [0] EXPLICIT SignedData }
        AsnReader info = new AsnReader(contentInfo, AsnEncodingRules.BER).ReadSequence();
        _ = info.ReadObjectIdentifier();
        AsnReader signedData = info.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();

        // SignedData ::= SEQUENCE { version, digestAlgorithms SET, contentInfo, certificates [0] IMPLICIT OPTIONAL, crls [1] IMPLICIT OPTIONAL, signerInfos SET }
        _ = signedData.ReadInteger();
        _ = signedData.ReadEncodedValue();
        _ = signedData.ReadEncodedValue();
        List<ReadOnlyMemory<byte>> certificates = ReadSetOfSequences(signedData, s_certificates);
        List<ReadOnlyMemory<byte>> crls = ReadSetOfSequences(signedData, s_crls);
        return (certificates, crls);
    }

    /// <summary>The SEQUENCE members of an optional implicitly tagged SET; tagged alternatives are skipped.</summary>
    private static List<ReadOnlyMemory<byte>> ReadSetOfSequences(AsnReader reader, Asn1Tag tag)
    {
        var members = new List<ReadOnlyMemory<byte>>();
        if (!reader.HasData || !reader.PeekTag().HasSameClassAndValue(tag))
        {
            return members;
        }

        AsnReader set = reader.ReadSetOf(skipSortOrderValidation: true, tag);
        while (set.HasData)
        {
            bool isSequence = set.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence);
            ReadOnlyMemory<byte> member = set.ReadEncodedValue();
            if (isSequence)
            {
                members.Add(member);
            }
        }

        return members;
    }
}

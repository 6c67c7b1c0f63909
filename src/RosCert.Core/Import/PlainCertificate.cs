using System.Formats.Asn1;

namespace RosCert.Core.Import;

/// <summary>
/// Tells, without OpenSSL, that a certificate is one OpenSSL loads and keeps byte for byte: the structure of
/// RFC 5280 §4.1 field by field in strict DER, with every name value in a string type OpenSSL's X509_NAME takes
/// and whose text decodes. That parse was a third of an import (issue 9, decision 0085); whatever this reader
/// does not take plainly (BER, another string type, an unsorted SET, a field it does not know) still goes
/// through OpenSSL, so a certificate is never kept that OpenSSL would have refused.
/// </summary>
public static class PlainCertificate
{
    private static readonly Asn1Tag s_version = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag s_issuerUniqueId = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag s_subjectUniqueId = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag s_extensions = new(TagClass.ContextSpecific, 3, isConstructed: true);

    /// <summary>Whether <paramref name="der"/> is exactly one plain certificate (see the class remarks).</summary>
    public static bool Check(ReadOnlyMemory<byte> der)
    {
        try
        {
            // Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            AsnReader certificate = outer.ReadSequence();
            AsnReader tbs = certificate.ReadSequence();
            bool plain = AlgorithmIdentifier(certificate.ReadSequence());
            _ = certificate.ReadBitString(out _);
            return plain && !certificate.HasData && !outer.HasData && Tbs(tbs);
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    // TBSCertificate ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, serialNumber INTEGER,
    //     signature AlgorithmIdentifier, issuer Name, validity Validity, subject Name, subjectPublicKeyInfo,
    //     issuerUniqueID [1] IMPLICIT BIT STRING OPTIONAL, subjectUniqueID [2] IMPLICIT BIT STRING OPTIONAL,
    //     extensions [3] EXPLICIT Extensions OPTIONAL }
    private static bool Tbs(AsnReader tbs)
    {
        if (tbs.HasData && tbs.PeekTag() == s_version)
        {
            AsnReader version = tbs.ReadSequence(s_version);
            _ = version.ReadIntegerBytes();
            if (version.HasData)
            {
                return false;
            }
        }

        _ = tbs.ReadIntegerBytes();
        if (!AlgorithmIdentifier(tbs.ReadSequence()) || !Name(tbs.ReadSequence()) || !Validity(tbs.ReadSequence()) || !Name(tbs.ReadSequence()))
        {
            return false;
        }

        // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }:
        // OpenSSL decodes the key only opportunistically (a key it cannot decode does not fail the parse).
        AsnReader keyInfo = tbs.ReadSequence();
        if (!AlgorithmIdentifier(keyInfo.ReadSequence()))
        {
            return false;
        }

        _ = keyInfo.ReadBitString(out _);
        return !keyInfo.HasData && OptionalFields(tbs);
    }

    private static bool OptionalFields(AsnReader tbs)
    {
        if (tbs.HasData && tbs.PeekTag() == s_issuerUniqueId)
        {
            _ = tbs.ReadBitString(out _, s_issuerUniqueId);
        }

        if (tbs.HasData && tbs.PeekTag() == s_subjectUniqueId)
        {
            _ = tbs.ReadBitString(out _, s_subjectUniqueId);
        }

        if (tbs.HasData && tbs.PeekTag() == s_extensions)
        {
            AsnReader wrapper = tbs.ReadSequence(s_extensions);
            AsnReader extensions = wrapper.ReadSequence();
            if (wrapper.HasData || !Extensions(extensions))
            {
                return false;
            }
        }

        return !tbs.HasData;
    }

    // Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }:
    // the value is not decoded here, nor by OpenSSL's parse (a damaged one fails when the facts read it).
    private static bool Extensions(AsnReader extensions)
    {
        while (extensions.HasData)
        {
            AsnReader extension = extensions.ReadSequence();
            _ = extension.ReadObjectIdentifier();
            if (extension.HasData && extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                _ = extension.ReadBoolean();
            }

            if (!extension.TryReadPrimitiveOctetString(out _) || extension.HasData)
            {
                return false;
            }
        }

        return true;
    }

    // AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY DEFINED BY algorithm OPTIONAL }
    private static bool AlgorithmIdentifier(AsnReader algorithm)
    {
        _ = algorithm.ReadObjectIdentifier();
        if (algorithm.HasData)
        {
            _ = algorithm.ReadEncodedValue();
        }

        return !algorithm.HasData;
    }

    // Validity ::= SEQUENCE { notBefore Time, notAfter Time }; Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }
    private static bool Validity(AsnReader validity)
    {
        for (int i = 0; i < 2; i++)
        {
            Asn1Tag tag = validity.PeekTag();
            if (tag == Asn1Tag.UtcTime)
            {
                _ = validity.ReadUtcTime();
            }
            else if (tag == Asn1Tag.GeneralizedTime)
            {
                _ = validity.ReadGeneralizedTime();
            }
            else
            {
                return false;
            }
        }

        return !validity.HasData;
    }

    // Name ::= SEQUENCE OF RelativeDistinguishedName; RelativeDistinguishedName ::= SET SIZE (1..MAX) OF
    // AttributeTypeAndValue; AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY }.
    // OpenSSL converts each value of these string types to UTF-8 while parsing (its canonical name form)
    // and fails the certificate when that fails; the same text is decoded here, strictly.
    private static bool Name(AsnReader name)
    {
        while (name.HasData)
        {
            AsnReader set = name.ReadSetOf();
            if (!set.HasData)
            {
                return false;
            }

            while (set.HasData)
            {
                AsnReader attribute = set.ReadSequence();
                _ = attribute.ReadObjectIdentifier();
                Asn1Tag tag = attribute.PeekTag();
                if (tag.TagClass != TagClass.Universal || tag.IsConstructed || !IsNameString((UniversalTagNumber)tag.TagValue))
                {
                    return false;
                }

                _ = attribute.ReadCharacterString((UniversalTagNumber)tag.TagValue);
                if (attribute.HasData)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsNameString(UniversalTagNumber type) => type is UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString
        or UniversalTagNumber.IA5String or UniversalTagNumber.BMPString or UniversalTagNumber.T61String
        or UniversalTagNumber.UniversalString or UniversalTagNumber.NumericString;
}

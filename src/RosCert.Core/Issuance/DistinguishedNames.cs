using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RosCert.Core.Issuance;

/// <summary>Subject and issuer names (RFC 5280 §4.1.2.4, §4.1.2.6) built from and printed as RouterOS does.</summary>
public static class DistinguishedNames
{
    private static readonly Dictionary<string, string> s_shortNames = new()
    {
        ["2.5.4.6"] = "C",
        ["2.5.4.8"] = "ST",
        ["2.5.4.7"] = "L",
        ["2.5.4.10"] = "O",
        ["2.5.4.11"] = "OU",
        ["2.5.4.3"] = "CN",
        ["2.5.4.5"] = "serialNumber",
        ["2.5.4.4"] = "SN",
        ["2.5.4.42"] = "GN",
        ["2.5.4.12"] = "title",
        ["0.9.2342.19200300.100.1.25"] = "DC",
        ["0.9.2342.19200300.100.1.1"] = "UID",
        ["1.2.840.113549.1.9.1"] = "emailAddress",
    };

    /// <summary>
    /// C, ST, L, O, OU, CN in that order, one attribute per RDN, empty parts left out. RFC 5280 §4.1.2.4:
    /// countryName is a PrintableString of two letters; the others are UTF8String, which "new
    /// certificates ... MUST" use (DirectoryString).
    /// </summary>
    public static X500DistinguishedName Build(SubjectFields subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Country.Length > 0 && (subject.Country.Length != 2 || !subject.Country.All(char.IsAsciiLetter)))
        {
            throw new ArgumentException($"country {subject.Country} is not a two-letter country code");
        }

        // X500DistinguishedNameBuilder encodes the RDNs in the reverse order of the Add calls.
        var builder = new X500DistinguishedNameBuilder();
        AddIfSet(subject.CommonName, builder.AddCommonName);
        AddIfSet(subject.Unit, builder.AddOrganizationalUnitName);
        AddIfSet(subject.Organization, builder.AddOrganizationName);
        AddIfSet(subject.Locality, builder.AddLocalityName);
        AddIfSet(subject.State, builder.AddStateOrProvinceName);
        AddIfSet(subject.Country, c => builder.AddCountryOrRegion(c));
        return builder.Build();
    }

    /// <summary>RouterOS style: <c>C=LV,O=lab,CN=Lab CA</c>: RDNs in encoded order joined by ',', no quoting.</summary>
    public static string Format(X500DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = new List<string>();
        try
        {
            // Name ::= SEQUENCE OF RelativeDistinguishedName; RDN ::= SET OF AttributeTypeAndValue
            var outer = new AsnReader(name.RawData, AsnEncodingRules.BER);
            AsnReader rdns = outer.ReadSequence();
            while (rdns.HasData)
            {
                AsnReader rdn = rdns.ReadSetOf(skipSortOrderValidation: true);
                var attributes = new List<string>();
                while (rdn.HasData)
                {
                    attributes.Add(FormatAttribute(rdn.ReadSequence()));
                }

                parts.Add(string.Join('+', attributes));
            }
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("the distinguished name is not valid DER", e);
        }

        return string.Join(',', parts);
    }

    /// <summary>The first value of each attribute type in the name, by short name (<c>CN</c>, <c>O</c>, ...).</summary>
    internal static string? FirstValue(X500DistinguishedName name, string oid) =>
        name.EnumerateRelativeDistinguishedNames(reversed: false)
            .Where(r => !r.HasMultipleElements && r.GetSingleElementType().Value == oid)
            .Select(r => r.GetSingleElementValue())
            .FirstOrDefault();

    private static void AddIfSet(string value, Action<string> add)
    {
        if (value.Length > 0)
        {
            add(value);
        }
    }

    // AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY }
    private static string FormatAttribute(AsnReader attribute)
    {
        string oid = attribute.ReadObjectIdentifier();
        string type = s_shortNames.GetValueOrDefault(oid, oid);
        Asn1Tag tag = attribute.PeekTag();
        string value = tag.TagClass == TagClass.Universal && IsCharacterString((UniversalTagNumber)tag.TagValue)
            ? attribute.ReadCharacterString((UniversalTagNumber)tag.TagValue)
            : "#" + Convert.ToHexString(attribute.ReadEncodedValue().Span); // RFC 4514 §2.4 form for non-strings
        return type + "=" + value;
    }

    private static bool IsCharacterString(UniversalTagNumber tag) => tag is UniversalTagNumber.UTF8String
        or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String or UniversalTagNumber.T61String
        or UniversalTagNumber.BMPString or UniversalTagNumber.VisibleString or UniversalTagNumber.NumericString;
}

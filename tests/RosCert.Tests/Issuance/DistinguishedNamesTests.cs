using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Issuance;
using Xunit;

namespace RosCert.Tests.Issuance;

public sealed class DistinguishedNamesTests
{
    [Fact]
    public void Build_encodes_C_ST_L_O_OU_CN_in_that_order()
    {
        X500DistinguishedName name = DistinguishedNames.Build(new SubjectFields("Lab CA", "LV", "Vidzeme", "Riga", "lab", "pki"));
        string[] types = name.EnumerateRelativeDistinguishedNames(reversed: false).Select(r => r.GetSingleElementType().Value!).ToArray();
        Assert.Equal(["2.5.4.6", "2.5.4.8", "2.5.4.7", "2.5.4.10", "2.5.4.11", "2.5.4.3"], types);
        Assert.Equal("C=LV,ST=Vidzeme,L=Riga,O=lab,OU=pki,CN=Lab CA", DistinguishedNames.Format(name));
    }

    [Fact]
    public void Build_leaves_out_empty_parts()
    {
        X500DistinguishedName name = DistinguishedNames.Build(new SubjectFields("Lab CA", "LV", "", "", "lab", ""));
        Assert.Equal("C=LV,O=lab,CN=Lab CA", DistinguishedNames.Format(name));
    }

    [Fact]
    public void Country_is_PrintableString_and_the_rest_UTF8String()
    {
        X500DistinguishedName name = DistinguishedNames.Build(new SubjectFields("Rīga CA", "LV", "", "", "", ""));
        AsnReader rdns = new AsnReader(name.RawData, AsnEncodingRules.DER).ReadSequence();
        Assert.Equal(UniversalTagNumber.PrintableString, ValueTag(rdns));
        Assert.Equal(UniversalTagNumber.UTF8String, ValueTag(rdns));
        Assert.Equal("C=LV,CN=Rīga CA", DistinguishedNames.Format(name));
    }

    [Fact]
    public void Format_does_not_quote_and_joins_multi_valued_RDNs_with_plus()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            Rdn(writer, ("1.2.3.4", "y"));
            Rdn(writer, ("2.5.4.10", "lab"));
            Rdn(writer, ("2.5.4.11", "x"), ("2.5.4.3", "a, b"));
            using (writer.PushSetOf())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("2.5.4.5");
                writer.WriteInteger(5); // not a string: RFC 4514 #hex form
            }
        }

        var name = new X500DistinguishedName(writer.Encode());
        Assert.Equal("1.2.3.4=y,O=lab,OU=x+CN=a, b,serialNumber=#020105", DistinguishedNames.Format(name));
    }

    [Theory]
    [InlineData("L")]
    [InlineData("LVA")]
    [InlineData("1V")]
    public void A_country_that_is_not_two_letters_is_refused(string country)
    {
        var e = Assert.Throws<ArgumentException>(() => DistinguishedNames.Build(new SubjectFields("x", country, "", "", "", "")));
        Assert.Equal($"country {country} is not a two-letter country code", e.Message);
    }

    private static void Rdn(AsnWriter writer, params (string Oid, string Value)[] attributes)
    {
        using (writer.PushSetOf())
        {
            foreach ((string oid, string value) in attributes)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(oid);
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
                }
            }
        }
    }

    private static UniversalTagNumber ValueTag(AsnReader rdns)
    {
        AsnReader attribute = rdns.ReadSetOf().ReadSequence();
        _ = attribute.ReadObjectIdentifier();
        return (UniversalTagNumber)attribute.PeekTag().TagValue;
    }
}

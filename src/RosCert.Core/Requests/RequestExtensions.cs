using System.Collections;
using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Core.Requests;

/// <summary>
/// The extensions a request asks for (RFC 2986 §4.1 extensionRequest, RFC 2985 §5.4.2):
/// KeyUsage (RFC 5280 §4.2.1.3), ExtendedKeyUsage (§4.2.1.12) and SubjectAltName (§4.2.1.6),
/// mapped to and from RouterOS's key-usage keywords through <see cref="KeyUsages.Table"/>.
/// </summary>
internal static class RequestExtensions
{
    public const string KeyUsageOid = "2.5.29.15";
    public const string ExtendedKeyUsageOid = "2.5.29.37";
    public const string SubjectAltNameOid = "2.5.29.17";

    /// <summary>Only the extensions that have content: no empty KeyUsage, EKU or SAN.</summary>
    public static IEnumerable<X509Extension> Build(KeyUsage keyUsage, IReadOnlyList<SanEntry> san)
    {
        KeyUsageKeyword[] bits = [.. KeyUsages.Table.Where(k => k.Extension == KeyUsageExtension.KeyUsage && (keyUsage & k.Flag) != 0)];
        KeyUsageKeyword[] purposes = [.. KeyUsages.Table.Where(k => k.Extension == KeyUsageExtension.ExtendedKeyUsage && (keyUsage & k.Flag) != 0)];
        if (bits.Length > 0)
        {
            // RFC 5280 §4.2.1.3: conforming CAs SHOULD mark this extension as critical.
            yield return new X509Extension(KeyUsageOid, EncodeKeyUsage(bits), critical: true);
        }

        if (purposes.Length > 0)
        {
            yield return new X509Extension(ExtendedKeyUsageOid, EncodeExtendedKeyUsage(purposes), critical: false);
        }

        if (san.Count > 0)
        {
            yield return new X509Extension(SubjectAltNameOid, EncodeSubjectAltName(san), critical: false);
        }
    }

    /// <summary>KeyUsage ::= BIT STRING (named bits, trailing zero bits removed under DER, X.690 §11.2.2).</summary>
    private static byte[] EncodeKeyUsage(KeyUsageKeyword[] bits)
    {
        var list = new BitArray(9);
        foreach (KeyUsageKeyword bit in bits)
        {
            list[bit.Bit] = true;
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteNamedBitList(list);
        return writer.Encode();
    }

    /// <summary>ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId.</summary>
    private static byte[] EncodeExtendedKeyUsage(KeyUsageKeyword[] purposes)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (KeyUsageKeyword purpose in purposes)
            {
                writer.WriteObjectIdentifier(purpose.Oid!);
            }
        }

        return writer.Encode();
    }

    /// <summary>GeneralNames: rfc822Name [1] IA5String, dNSName [2] IA5String, iPAddress [7] OCTET STRING.</summary>
    private static byte[] EncodeSubjectAltName(IReadOnlyList<SanEntry> san)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (SanEntry entry in san)
            {
                WriteGeneralName(writer, entry);
            }
        }

        return writer.Encode();
    }

    private static void WriteGeneralName(AsnWriter writer, SanEntry entry)
    {
        switch (entry.Kind)
        {
            case SanKind.Ip when IPAddress.TryParse(entry.Value, out IPAddress? address):
                writer.WriteOctetString(address.GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
                break;
            case SanKind.Dns when SubjectAltNames.IsDnsName(entry.Value):
                writer.WriteCharacterString(UniversalTagNumber.IA5String, entry.Value, new Asn1Tag(TagClass.ContextSpecific, 2));
                break;
            case SanKind.Email when entry.Value.All(char.IsAscii) && entry.Value.Contains('@', StringComparison.Ordinal):
                writer.WriteCharacterString(UniversalTagNumber.IA5String, entry.Value, new Asn1Tag(TagClass.ContextSpecific, 1));
                break;
            default:
                throw new ArgumentException($"{entry.Kind} subject-alt-name entry {entry.Value} is not valid", nameof(entry));
        }
    }

    /// <summary>Folds one requested extension into the key usage and SAN list; unknown extensions are ignored.</summary>
    public static void Read(string oid, byte[] value, ref KeyUsage keyUsage, List<SanEntry> san)
    {
        var reader = new AsnReader(value, AsnEncodingRules.DER);
        switch (oid)
        {
            case KeyUsageOid:
                BitArray bits = reader.ReadNamedBitList();
                keyUsage |= KeyUsages.Table
                    .Where(k => k.Extension == KeyUsageExtension.KeyUsage && k.Bit < bits.Length && bits[k.Bit])
                    .Aggregate(KeyUsage.None, (all, k) => all | k.Flag);
                break;
            case ExtendedKeyUsageOid:
                keyUsage |= ReadPurposes(reader.ReadSequence());
                break;
            case SubjectAltNameOid:
                ReadGeneralNames(reader.ReadSequence(), san);
                break;
            default:
                return;
        }

        reader.ThrowIfNotEmpty();
    }

    /// <summary>Purposes outside the table (legacy IPsec, SGC, anyExtendedKeyUsage) are dropped (reference §3.2).</summary>
    private static KeyUsage ReadPurposes(AsnReader sequence)
    {
        KeyUsage usage = KeyUsage.None;
        while (sequence.HasData)
        {
            string purpose = sequence.ReadObjectIdentifier();
            usage |= KeyUsages.Table.FirstOrDefault(k => k.Oid == purpose)?.Flag ?? KeyUsage.None;
        }

        return usage;
    }

    /// <summary>Keeps DNS, IP and e-mail names, the ones RouterOS knows; other GeneralName choices are skipped.</summary>
    private static void ReadGeneralNames(AsnReader names, List<SanEntry> san)
    {
        while (names.HasData)
        {
            Asn1Tag tag = names.PeekTag();
            if (tag.TagClass != TagClass.ContextSpecific || tag.TagValue is not (1 or 2 or 7))
            {
                names.ReadEncodedValue();
                continue;
            }

            san.Add(tag.TagValue switch
            {
                1 => new SanEntry(SanKind.Email, names.ReadCharacterString(UniversalTagNumber.IA5String, tag)),
                2 => new SanEntry(SanKind.Dns, names.ReadCharacterString(UniversalTagNumber.IA5String, tag)),
                _ => ReadAddress(names.ReadOctetString(tag)),
            });
        }
    }

    private static SanEntry ReadAddress(byte[] bytes) => bytes.Length is 4 or 16
        ? new SanEntry(SanKind.Ip, new IPAddress(bytes).ToString())
        : throw new CryptographicException($"iPAddress subject-alt-name of {bytes.Length} bytes");
}

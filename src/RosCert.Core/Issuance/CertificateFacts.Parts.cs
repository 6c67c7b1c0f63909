using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RosCert.Core.Issuance;

public static partial class CertificateFacts
{
    /// <summary>
    /// The pieces of a certificate the facts are read from, as the <see cref="X509Certificate2"/>
    /// properties of the same names would give them. Decoded from the DER by
    /// <see cref="System.Formats.Asn1"/> (OpenSSL's parse, which decodes the public key too, cost most
    /// of an import, issue 9); a certificate the decoder does not take plainly (absent key parameters,
    /// a padded key, two different signature algorithms, BER lengths in the key parameters) is loaded
    /// through <see cref="X509Certificate2"/> instead, so every certificate gives what it gave before.
    /// </summary>
    internal sealed record Parts(
        X500DistinguishedName Subject,
        X500DistinguishedName Issuer,
        PublicKey PublicKey,
        string SignatureAlgorithm,
        IReadOnlyList<X509Extension> Extensions)
    {
        /// <summary>The first extension with this OID, as <c>X509Certificate2.Extensions[oid]</c> finds it.</summary>
        public X509Extension? Extension(string oid)
        {
            foreach (X509Extension extension in Extensions)
            {
                if (extension.Oid?.Value == oid)
                {
                    return extension;
                }
            }

            return null;
        }

        /// <summary>The first extension of a type, as <c>Extensions.OfType&lt;T&gt;().FirstOrDefault()</c>.</summary>
        public T? Extension<T>()
            where T : X509Extension => Extensions.OfType<T>().FirstOrDefault();
    }

    [ThreadStatic]
    private static (byte[] Der, Parts Parts)? t_lastParts;

    /// <summary>The parts of <paramref name="der"/>; the last certificate decoded on this thread is reused.</summary>
    internal static Parts PartsOf(byte[] der)
    {
        ArgumentNullException.ThrowIfNull(der);
        if (t_lastParts is { } last && last.Der.AsSpan().SequenceEqual(der))
        {
            return last.Parts;
        }

        Parts parts = DecodeParts(der) ?? LoadedParts(der);
        t_lastParts = ((byte[])der.Clone(), parts);
        return parts;
    }

    private static Parts LoadedParts(byte[] der)
    {
        using X509Certificate2 certificate = Load(der);
        return new Parts(certificate.SubjectName, certificate.IssuerName, certificate.PublicKey, certificate.SignatureAlgorithm.Value ?? "", [.. certificate.Extensions]);
    }

    /// <summary>
    /// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue } and
    /// TBSCertificate ::= SEQUENCE { [0] version, serialNumber, signature, issuer Name, validity, subject Name,
    /// subjectPublicKeyInfo, [1] issuerUniqueID, [2] subjectUniqueID, [3] extensions } (RFC 5280 §4.1);
    /// null where it is not plain (see <see cref="Parts"/>).
    /// </summary>
    private static Parts? DecodeParts(byte[] der)
    {
        try
        {
            AsnReader certificate = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            AsnReader tbs = certificate.ReadSequence();
            string signatureAlgorithm = certificate.ReadSequence().ReadObjectIdentifier();
            if (tbs.PeekTag() == new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))
            {
                _ = tbs.ReadEncodedValue();
            }

            _ = tbs.ReadIntegerBytes();
            if (tbs.ReadSequence().ReadObjectIdentifier() != signatureAlgorithm)
            {
                return null;
            }

            byte[] issuer = tbs.ReadEncodedValue().ToArray();
            _ = tbs.ReadSequence();
            byte[] subject = tbs.ReadEncodedValue().ToArray();
            PublicKey? key = DecodePublicKey(tbs.ReadSequence());
            List<X509Extension>? extensions = DecodeExtensionsField(tbs);
            return key is null || extensions is null
                ? null
                : new Parts(new X500DistinguishedName(subject), new X500DistinguishedName(issuer), key, signatureAlgorithm, extensions);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING } (RFC 5280 §4.1.2.7).</summary>
    private static PublicKey? DecodePublicKey(AsnReader info)
    {
        AsnReader algorithm = info.ReadSequence();
        var oid = new Oid(algorithm.ReadObjectIdentifier());
        if (!algorithm.HasData)
        {
            return null;
        }

        byte[] parameters = algorithm.ReadEncodedValue().ToArray();
        byte[] key = info.ReadBitString(out int unusedBits);
        if (algorithm.HasData || info.HasData || unusedBits != 0 || !IsDer(parameters))
        {
            return null;
        }

        return new PublicKey(oid, new AsnEncodedData(oid, parameters), new AsnEncodedData(oid, key));
    }

    /// <summary>The fields after the key: [1] and [2] skipped, [3] EXPLICIT Extensions; null for anything else.</summary>
    private static List<X509Extension>? DecodeExtensionsField(AsnReader tbs)
    {
        var extensions = new List<X509Extension>();
        var extensionsTag = new Asn1Tag(TagClass.ContextSpecific, 3, isConstructed: true);
        while (tbs.HasData)
        {
            Asn1Tag tag = tbs.PeekTag();
            if (tag == extensionsTag)
            {
                AsnReader list = tbs.ReadSequence(extensionsTag).ReadSequence();
                while (list.HasData)
                {
                    extensions.Add(DecodeExtension(list.ReadSequence()));
                }
            }
            else if (tag.TagClass == TagClass.ContextSpecific && tag.TagValue is 1 or 2)
            {
                _ = tbs.ReadEncodedValue();
            }
            else
            {
                return null;
            }
        }

        return extensions;
    }

    /// <summary>
    /// Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
    /// (RFC 5280 §4.1.2.9), made the way <see cref="X509Certificate2.Extensions"/> makes it: the typed
    /// object for its OID, filled by <see cref="X509Extension.CopyFrom"/>, so its value is decoded only
    /// when a property is read and a damaged one fails at the same point as before.
    /// </summary>
    private static X509Extension DecodeExtension(AsnReader extension)
    {
        string oid = extension.ReadObjectIdentifier();
        bool critical = extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && extension.ReadBoolean();
        var plain = new X509Extension(oid, extension.ReadOctetString(), critical);
        X509Extension? typed = oid switch
        {
            "2.5.29.19" => new X509BasicConstraintsExtension(),
            "2.5.29.15" => new X509KeyUsageExtension(),
            "2.5.29.37" => new X509EnhancedKeyUsageExtension(),
            "2.5.29.14" => new X509SubjectKeyIdentifierExtension(),
            "2.5.29.35" => new X509AuthorityKeyIdentifierExtension(),
            _ => null,
        };
        if (typed is null)
        {
            return plain;
        }

        typed.CopyFrom(plain);
        return typed;
    }

    private static bool IsDer(byte[] encoded)
    {
        try
        {
            var reader = new AsnReader(encoded, AsnEncodingRules.DER);
            _ = reader.ReadEncodedValue();
            return !reader.HasData;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace RosCert.Scep.Wire;

/// <summary>
/// The pkcsPKIEnvelope (RFC 8894 §3.2.2): a CMS EnvelopedData with one KeyTransRecipientInfo
/// (RSA PKCS#1 v1.5 key transport, RFC 5652 §6.2.1) and a CBC content cipher.
/// </summary>
public static class ScepEnvelope
{
    public static byte[] Seal(byte[] content, X509Certificate2 recipient, ScepCipher cipher)
    {
        var envelope = new EnvelopedCms(new ContentInfo(content), new AlgorithmIdentifier(new Oid(ScepAlgorithms.OidOf(cipher))));
        envelope.Encrypt(new CmsRecipient(SubjectIdentifierType.IssuerAndSerialNumber, recipient));
        return envelope.Encode();
    }

    /// <summary>Decrypts with <paramref name="key"/>; returns the content and the cipher the sender chose.</summary>
    public static (byte[] Content, ScepCipher Cipher) Open(byte[] envelopeDer, RSA key)
    {
        try
        {
            var envelope = new EnvelopedCms();
            envelope.Decode(envelopeDer);
            ScepCipher cipher = ScepAlgorithms.CipherOf(envelope.ContentEncryptionAlgorithm.Oid.Value);
            if (envelope.RecipientInfos.Count == 0)
            {
                throw new ScepException(FailInfo.BadMessageCheck, "envelope has no recipient");
            }

            envelope.Decrypt(envelope.RecipientInfos[0], key);
            return (envelope.ContentInfo.Content, cipher);
        }
        catch (Exception error) when (error is CryptographicException or AsnContentException or InvalidOperationException or ArgumentException)
        {
            throw new ScepException(FailInfo.BadMessageCheck, "envelope cannot be decrypted: " + error.Message, error);
        }
    }
}

/// <summary>A degenerate "certs-only" SignedData (RFC 8894 §3.4, RFC 5652 §5.1): certificates and CRLs without signers.</summary>
public static class CertsOnly
{
    private static readonly Asn1Tag s_zero = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag s_one = new(TagClass.ContextSpecific, 1, isConstructed: true);

    public static byte[] Write(IEnumerable<byte[]> certificates, IEnumerable<byte[]>? crls = null)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(ScepOids.SignedData);
            using (writer.PushSequence(s_zero))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                {
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(ScepOids.Data);
                }

                WriteSet(writer, s_zero, certificates);
                if (crls is not null)
                {
                    WriteSet(writer, s_one, crls);
                }

                using (writer.PushSetOf())
                {
                }
            }
        }

        return writer.Encode();
    }

    private static void WriteSet(AsnWriter writer, Asn1Tag tag, IEnumerable<byte[]> members)
    {
        using (writer.PushSetOf(tag))
        {
            foreach (byte[] member in members)
            {
                writer.WriteEncodedValue(member);
            }
        }
    }

    /// <summary>The certificates and CRLs of a certs-only message, as DER.</summary>
    public static (IReadOnlyList<byte[]> Certificates, IReadOnlyList<byte[]> Crls) Read(byte[] der)
    {
        try
        {
            var cms = new SignedCms();
            cms.Decode(der);
            var crls = new List<byte[]>();
            var reader = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            _ = reader.ReadObjectIdentifier();
            AsnReader signedData = reader.ReadSequence(s_zero).ReadSequence();
            _ = signedData.ReadInteger();
            _ = signedData.ReadEncodedValue();
            _ = signedData.ReadEncodedValue();
            if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(s_zero))
            {
                _ = signedData.ReadEncodedValue();
            }

            if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(s_one))
            {
                AsnReader set = signedData.ReadSetOf(s_one);
                while (set.HasData)
                {
                    crls.Add(set.ReadEncodedValue().ToArray());
                }
            }

            return ([.. cms.Certificates.Select(c => c.RawData)], crls);
        }
        catch (Exception error) when (error is CryptographicException or AsnContentException)
        {
            throw new ScepException(FailInfo.BadMessageCheck, "not a certificate bundle: " + error.Message, error);
        }
    }
}

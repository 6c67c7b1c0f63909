using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Scep.Wire;

/// <summary>
/// A SignedData over empty content, for CertRep PENDING and FAILURE (RFC 8894 §3.3.2: no
/// pkcsPKIEnvelope). .NET's SignedCms refuses empty content, so this one is written by hand (RFC 5652
/// §5.3–§5.4): eContent is an empty OCTET STRING, as other SCEP servers send it; the signature is RSA
/// PKCS#1 v1.5 over the DER signed attributes, named <c>rsaEncryption</c>.
/// </summary>
internal static class BareSignedData
{
    private const string ContentTypeOid = "1.2.840.113549.1.9.3";
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";
    private const string RsaEncryptionOid = "1.2.840.113549.1.1.1";
    private static readonly Asn1Tag s_zero = new(TagClass.ContextSpecific, 0, isConstructed: true);

    public static byte[] Write(IEnumerable<(string Oid, byte[] Value)> attributes, DigestAlgorithm digest, X509Certificate2 signer)
    {
        using RSA key = signer.GetRSAPrivateKey() ?? throw new CryptographicException("SCEP replies are signed with an RSA key");
        HashAlgorithmName hash = ScepAlgorithms.HashOf(digest);
        byte[] signedAttributes = SignedAttributes(attributes, hash);
        byte[] signature = key.SignData(signedAttributes, hash, RSASignaturePadding.Pkcs1);
        signedAttributes[0] = 0xA0; // the same SET, now as [0] IMPLICIT inside SignerInfo

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
                    WriteAlgorithm(writer, ScepAlgorithms.OidOf(digest));
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(ScepOids.Data);
                    using (writer.PushSequence(s_zero))
                    {
                        writer.WriteOctetString([]);
                    }
                }

                using (writer.PushSetOf(s_zero))
                {
                    writer.WriteEncodedValue(signer.RawData);
                }

                using (writer.PushSetOf())
                {
                    WriteSignerInfo(writer, signer, digest, signedAttributes, signature);
                }
            }
        }

        return writer.Encode();
    }

    private static void WriteSignerInfo(AsnWriter writer, X509Certificate2 signer, DigestAlgorithm digest, byte[] signedAttributes, byte[] signature)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            using (writer.PushSequence())
            {
                writer.WriteEncodedValue(signer.IssuerName.RawData);
                writer.WriteInteger(signer.SerialNumberBytes.Span);
            }

            WriteAlgorithm(writer, ScepAlgorithms.OidOf(digest));
            writer.WriteEncodedValue(signedAttributes);
            WriteAlgorithm(writer, RsaEncryptionOid);
            writer.WriteOctetString(signature);
        }
    }

    private static byte[] SignedAttributes(IEnumerable<(string Oid, byte[] Value)> attributes, HashAlgorithmName hash)
    {
        var contentType = new AsnWriter(AsnEncodingRules.DER);
        contentType.WriteObjectIdentifier(ScepOids.Data);
        var messageDigest = new AsnWriter(AsnEncodingRules.DER);
        messageDigest.WriteOctetString(CryptographicOperations.HashData(hash, []));

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            foreach ((string oid, byte[] value) in attributes.Prepend((MessageDigestOid, messageDigest.Encode())).Prepend((ContentTypeOid, contentType.Encode())))
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(oid);
                    using (writer.PushSetOf())
                    {
                        writer.WriteEncodedValue(value);
                    }
                }
            }
        }

        return writer.Encode();
    }

    private static void WriteAlgorithm(AsnWriter writer, string oid)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            writer.WriteNull();
        }
    }
}

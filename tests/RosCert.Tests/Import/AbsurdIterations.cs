using System.Formats.Asn1;

namespace RosCert.Tests.Import;

/// <summary>
/// Encrypted structures whose PBKDF2 asks for an absurd iteration count, written by hand because
/// encrypting them for real would take hours. The ciphertext is zeros: the reader must refuse
/// them before deriving any key.
/// </summary>
internal static class AbsurdIterations
{
    private const string Pkcs7Data = "1.2.840.113549.1.7.1";
    private const string Pkcs7EncryptedData = "1.2.840.113549.1.7.6";

    /// <summary>EncryptedPrivateKeyInfo (RFC 5208 §6) under PBES2.</summary>
    public static byte[] EncryptedPkcs8(long iterations)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WritePbes2(writer, iterations);
            writer.WriteOctetString(new byte[32]);
        }

        return writer.Encode();
    }

    /// <summary>PFX (RFC 7292 §4) without MAC whose one AuthenticatedSafe is EncryptedData under PBES2.</summary>
    public static byte[] Pkcs12(long iterations)
    {
        var safe = new AsnWriter(AsnEncodingRules.DER);
        using (safe.PushSequence())
        using (safe.PushSequence())
        {
            safe.WriteObjectIdentifier(Pkcs7EncryptedData);
            using (safe.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            using (safe.PushSequence())
            {
                safe.WriteInteger(0);
                using (safe.PushSequence())
                {
                    safe.WriteObjectIdentifier(Pkcs7Data);
                    WritePbes2(safe, iterations);
                    safe.WriteOctetString(new byte[32], new Asn1Tag(TagClass.ContextSpecific, 0));
                }
            }
        }

        var pfx = new AsnWriter(AsnEncodingRules.DER);
        using (pfx.PushSequence())
        {
            pfx.WriteInteger(3);
            using (pfx.PushSequence())
            {
                pfx.WriteObjectIdentifier(Pkcs7Data);
                using (pfx.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    pfx.WriteOctetString(safe.Encode());
                }
            }
        }

        return pfx.Encode();
    }

    // PBES2 { PBKDF2 { salt, iterations, hmacWithSHA256 }, aes256-CBC { iv } } (RFC 8018 §A.2, §A.4)
    private static void WritePbes2(AsnWriter writer, long iterations)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("1.2.840.113549.1.5.13");
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("1.2.840.113549.1.5.12");
                    using (writer.PushSequence())
                    {
                        writer.WriteOctetString(new byte[8]);
                        writer.WriteInteger(iterations);
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier("1.2.840.113549.2.9");
                            writer.WriteNull();
                        }
                    }
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("2.16.840.1.101.3.4.1.42");
                    writer.WriteOctetString(new byte[16]);
                }
            }
        }
    }
}

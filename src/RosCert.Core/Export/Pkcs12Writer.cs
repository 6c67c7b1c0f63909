using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Requests;

namespace RosCert.Core.Export;

/// <summary>
/// The <c>.p12</c> file of <c>export-certificate type=pkcs12</c> (RFC 7292 PFX), laid out as OpenSSL 3
/// writes it by default so that OpenSSL, GnuTLS certtool, NSS pk12util and .NET all read it:
/// <list type="bullet">
/// <item>With a passphrase: the certificates in an EncryptedData SafeContents (RFC 7292 §5.1 step 2,
/// password privacy), the key in a pkcs8ShroudedKeyBag (§4.2.2) inside a plain Data SafeContents, both
/// under PBES2 (RFC 8018 §6.2) with PBKDF2-HMAC-SHA256 (§5.2) and AES-256-CBC (§B.2.5, RFC 3565), then
/// macData (RFC 7292 §4, key from Appendix B) with HMAC-SHA256.</item>
/// <item>Without a passphrase: certificates only, in a plain Data SafeContents, still sealed with an
/// HMAC-SHA256 macData under the empty password. A PFX without macData is valid (RFC 7292 §4 makes
/// it OPTIONAL) and OpenSSL and certtool read it, but NSS pk12util rejects it (SEC_ERROR_BAD_DER);
/// all three read the empty-password MAC.</item>
/// </list>
/// The MAC is RFC 7292's macData, not RFC 9579 PBMAC1: OpenSSL 3 writes macData with SHA-256 by
/// default and only OpenSSL 3.4+ reads PBMAC1 (the 3.0 here, NSS and .NET 10 do not).
/// </summary>
public static class Pkcs12Writer
{
    /// <summary>
    /// PBKDF2 rounds of both PBES2 encryptions and PKCS#12 KDF rounds of the MAC: 100,000, the same as
    /// <see cref="PrivateKeys.Pbkdf2Iterations"/> for <c>.key</c> files. That is 50 times OpenSSL's
    /// default of 2,048, and the file stays readable by .NET's default <see cref="Pkcs12LoaderLimits"/>
    /// (at most 300,000 per KDF and 1,000,000 in total: this file spends 300,000 with a key).
    /// </summary>
    public const int Iterations = 100_000;

    private const string X509CertificateOid = "1.2.840.113549.1.9.22.1"; // RFC 7292 §4.2.3 certTypes
    private const string FriendlyNameOid = "1.2.840.113549.1.9.20"; // RFC 2985 §5.5.1

    private static readonly PbeParameters s_pbes2 = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Iterations);

    /// <param name="chainDer">The certificate first, then (optionally) its issuers up to the root; kept in this order.</param>
    /// <param name="privateKeyPkcs8">The certificate's PKCS#8 PrivateKeyInfo, or null for no key.</param>
    /// <param name="passphrase">Null or empty: no passphrase, and then no key may be given.</param>
    /// <param name="friendlyName">The RouterOS certificate name, put on the certificate's and key's bags (empty: left out).</param>
    /// <exception cref="ArgumentException">No certificate, a key without a passphrase, or a key that is not the certificate's.</exception>
    public static byte[] Write(IReadOnlyList<byte[]> chainDer, byte[]? privateKeyPkcs8, string? passphrase, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(chainDer);
        ArgumentNullException.ThrowIfNull(friendlyName);
        if (chainDer.Count == 0)
        {
            throw new ArgumentException("no certificate to export", nameof(chainDer));
        }

        if (string.IsNullOrEmpty(passphrase))
        {
            return privateKeyPkcs8 is null
                ? WithoutPassphrase(chainDer, friendlyName)
                : throw new ArgumentException("a private key is exported only under a passphrase", nameof(passphrase));
        }

        return WithPassphrase(chainDer, privateKeyPkcs8, passphrase, friendlyName);
    }

    private static byte[] WithoutPassphrase(IReadOnlyList<byte[]> chainDer, string friendlyName)
    {
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(Certificates(chainDer, friendlyName, localKeyId: null));
        builder.SealWithMac(string.Empty, HashAlgorithmName.SHA256, Iterations);
        return builder.Encode();
    }

    private static byte[] WithPassphrase(IReadOnlyList<byte[]> chainDer, byte[]? privateKeyPkcs8, string passphrase, string friendlyName)
    {
        // localKeyId (RFC 2985 §5.5.2) pairs the key bag with its certificate bag; any octets will do,
        // and the certificate's SHA-256 fingerprint is stable across exports.
        byte[]? localKeyId = privateKeyPkcs8 is null ? null : SHA256.HashData(chainDer[0]);
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsEncrypted(Certificates(chainDer, friendlyName, localKeyId), passphrase, s_pbes2);
        if (privateKeyPkcs8 is not null)
        {
            // The shrouded key bag is encrypted itself, so its SafeContents is plain Data (as OpenSSL does).
            builder.AddSafeContentsUnencrypted(Key(chainDer[0], privateKeyPkcs8, passphrase, friendlyName, localKeyId!));
        }

        builder.SealWithMac(passphrase, HashAlgorithmName.SHA256, Iterations);
        return builder.Encode();
    }

    /// <summary>One CertBag per certificate, in order; only the first carries the attributes.</summary>
    private static Pkcs12SafeContents Certificates(IReadOnlyList<byte[]> chainDer, string friendlyName, byte[]? localKeyId)
    {
        var contents = new Pkcs12SafeContents();
        for (int i = 0; i < chainDer.Count; i++)
        {
            Pkcs12CertBag bag = CertBag(chainDer[i]);
            if (i == 0)
            {
                Label(bag, friendlyName, localKeyId);
            }

            contents.AddSafeBag(bag);
        }

        return contents;
    }

    /// <summary>RFC 7292 §4.2.3: CertBag { certId x509Certificate, certValue [0] EXPLICIT OCTET STRING (DER) }.</summary>
    private static Pkcs12CertBag CertBag(byte[] der)
    {
        var value = new AsnWriter(AsnEncodingRules.DER);
        value.WriteOctetString(der);
        return new Pkcs12CertBag(new Oid(X509CertificateOid), value.Encode());
    }

    /// <summary>RFC 7292 §4.2.2: the key as EncryptedPrivateKeyInfo (RFC 5208 §6) under PBES2.</summary>
    private static Pkcs12SafeContents Key(byte[] certificateDer, byte[] pkcs8, string passphrase, string friendlyName, byte[] localKeyId)
    {
        using AsymmetricAlgorithm key = PrivateKeys.Open(pkcs8);
        EnsurePair(certificateDer, key);
        var contents = new Pkcs12SafeContents();
        Label(contents.AddShroudedKey(key, passphrase, s_pbes2), friendlyName, localKeyId);
        return contents;
    }

    /// <summary>Refuses a key whose public half is not the certificate's, rather than writing a broken pair.</summary>
    private static void EnsurePair(byte[] certificateDer, AsymmetricAlgorithm key)
    {
        using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(certificateDer);
        try
        {
            using X509Certificate2 paired = key is RSA rsa ? certificate.CopyWithPrivateKey(rsa) : certificate.CopyWithPrivateKey((ECDsa)key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new ArgumentException("the private key does not belong to the certificate", e);
        }
    }

    /// <summary>Bag attributes (RFC 7292 §4.2): friendlyName as a BMPString (RFC 2985 §5.5.1) and localKeyId.</summary>
    private static void Label(Pkcs12SafeBag bag, string friendlyName, byte[]? localKeyId)
    {
        if (friendlyName.Length > 0)
        {
            var name = new AsnWriter(AsnEncodingRules.DER);
            name.WriteCharacterString(UniversalTagNumber.BMPString, friendlyName);
            bag.Attributes.Add(new AsnEncodedData(new Oid(FriendlyNameOid), name.Encode()));
        }

        if (localKeyId is not null)
        {
            bag.Attributes.Add(new Pkcs9LocalKeyId(localKeyId));
        }
    }
}

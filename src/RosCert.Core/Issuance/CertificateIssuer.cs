using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Core.Signatures;

namespace RosCert.Core.Issuance;

/// <summary>
/// Signs certificates the way RouterOS <c>sign</c> does (reference §2.5, §8): self-signed, or by a
/// local CA whose key type may differ from the subject's.
/// </summary>
public sealed class CertificateIssuer(TimeProvider clock, ISerialSource serials)
{
    /// <summary>RFC 5280 §4.1.2.2: "Conforming CAs MUST NOT use serialNumber values longer than 20 octets."</summary>
    private const int MaxSerialLength = 20;

    /// <summary>
    /// Issues a certificate. Self-signed when <paramref name="authority"/> is null: then it is signed
    /// with <paramref name="subjectPrivateKeyPkcs8"/>, which must match the request's public key.
    /// </summary>
    public IssuedCertificate Issue(IssuanceRequest request, byte[]? subjectPrivateKeyPkcs8, SigningAuthority? authority)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.PublicKeyChecked)
        {
            _ = KeyMaterial.ParsePublicKey(request.SubjectPublicKeyInfo);
        }

        X500DistinguishedName subject = BuildSubject(request.Subject);
        byte[] subjectKeyId = KeyIdentifiers.SubjectKeyId(request.SubjectPublicKeyInfo);
        (DateTimeOffset notBefore, DateTimeOffset notAfter) = Validity(request.DaysValid);

        if (authority is null)
        {
            using Signer self = SelfSigner(request.SubjectPublicKeyInfo, subject, subjectKeyId, subjectPrivateKeyPkcs8);
            return Sign(request, self, subject, subjectKeyId, [], notBefore, notAfter);
        }

        // The CA's signer is prepared once per authority object and thread (AuthoritySigners).
        Signer signer = AuthoritySigners.For(authority, AuthoritySigner);
        try
        {
            return Sign(request, signer, subject, subjectKeyId, authority.CrlHosts, notBefore, notAfter);
        }
        catch
        {
            AuthoritySigners.Forget(authority);
            throw;
        }
    }

    /// <summary>Encodes and signs the certificate; what RouterOS prints of it is known from the parts,
    /// so the new certificate is never parsed back.</summary>
    private IssuedCertificate Sign(IssuanceRequest request, Signer signer, X500DistinguishedName subject, byte[] subjectKeyId, IReadOnlyList<string> crlHosts, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        DigestSignatureGenerator generator = DigestSignatureGenerator.Create(signer.Key, request.Digest);
        byte[] serial = NextSerial();
        var parts = new CertificateEncoder.Parts(
            serial,
            signer.Name,
            notBefore,
            notAfter,
            subject,
            request.SubjectPublicKeyInfo,
            IssuanceExtensions.For(request, subjectKeyId, signer.KeyId, crlHosts));
        byte[] der = CertificateEncoder.Sign(parts, generator);
        return new IssuedCertificate(
            der,
            CertificateFacts.SerialNumberText(serial),
            Convert.ToHexStringLower(SHA256.HashData(der)),
            Convert.ToHexString(subjectKeyId),
            Convert.ToHexString(signer.KeyId),
            notBefore,
            notAfter,
            signer.NameText,
            CertificateFacts.JoinedCrlPoints(IssuanceExtensions.CrlUrls(crlHosts, signer.KeyId)),
            KeyMaterial.PublicKeyHash(request.SubjectPublicKeyInfo));
    }

    /// <summary>RFC 5280 §4.1.2.4/§4.1.2.6: the issuer "MUST contain a non-empty distinguished name"; a self-signed
    /// subject is its issuer, and an empty subject would need a critical SAN, so an empty subject is refused.</summary>
    private static X500DistinguishedName BuildSubject(SubjectFields fields)
    {
        X500DistinguishedName subject = DistinguishedNames.Build(fields);
        return subject.RawData.Length > 2 ? subject : throw new ArgumentException("the certificate subject is empty: set common-name");
    }

    /// <summary>
    /// notBefore = now to the whole second; notAfter = notBefore + days-valid days. CertificateEncoder writes
    /// UTCTime through 2049 and GeneralizedTime from 2050 on, as RFC 5280 §4.1.2.5 requires.
    /// </summary>
    private (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Validity(int daysValid)
    {
        DateTimeOffset now = clock.GetUtcNow().ToUniversalTime();
        var notBefore = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (daysValid < 1 || daysValid > (DateTimeOffset.MaxValue - notBefore).TotalDays - 1)
        {
            throw new ArgumentException($"days-valid {daysValid} is out of range");
        }

        return (notBefore, notBefore.AddDays(daysValid));
    }

    /// <summary>RFC 5280 §4.1.2.2: "The serial number MUST be a positive integer", at most 20 octets, in minimal DER.</summary>
    private byte[] NextSerial()
    {
        byte[] serial = serials.Next() ?? [];
        bool valid = serial.Length is > 0 and <= MaxSerialLength
            && serial[0] < 0x80
            && !(serial.Length > 1 && serial[0] == 0 && serial[1] < 0x80)
            && !(serial.Length == 1 && serial[0] == 0);
        return valid ? serial : throw new CryptographicException($"the serial source gave an invalid serial number {Convert.ToHexString(serial)}");
    }

    private static Signer SelfSigner(byte[] subjectPublicKeyInfo, X500DistinguishedName subject, byte[] subjectKeyId, byte[]? privateKeyPkcs8)
    {
        if (privateKeyPkcs8 is null)
        {
            throw new ArgumentException("a self-signed certificate needs the subject's private key");
        }

        AsymmetricAlgorithm key = KeyMaterial.LoadPrivateKey(privateKeyPkcs8);
        if (!key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(subjectPublicKeyInfo))
        {
            key.Dispose();
            throw new CryptographicException("the private key does not match the certificate's public key");
        }

        return new Signer(key, subject, subjectKeyId);
    }

    /// <summary>The CA signs with its key under its subject name; its SKI (from the extension, else RFC 5280
    /// §4.2.1.2 method 1) becomes the AuthorityKeyIdentifier (§4.2.1.1).</summary>
    private static Signer AuthoritySigner(SigningAuthority authority)
    {
        using X509Certificate2 certificate = CertificateFacts.Load(authority.CertificateDer);
        CheckAuthority(certificate);
        AsymmetricAlgorithm key = KeyMaterial.LoadPrivateKey(authority.PrivateKeyPkcs8);
        if (!KeyMaterial.Matches(key, certificate.PublicKey))
        {
            key.Dispose();
            throw new CryptographicException("the CA private key does not match the CA certificate");
        }

        string? skid = CertificateFacts.SkidOf(certificate);
        byte[] keyId = skid is null
            ? KeyIdentifiers.SubjectKeyId(certificate.PublicKey.ExportSubjectPublicKeyInfo())
            : Convert.FromHexString(skid);
        return new Signer(key, certificate.SubjectName, keyId);
    }

    /// <summary>RFC 5280 §4.2.1.9: cA=FALSE means the key must not verify certificate signatures; §4.2.1.3 likewise
    /// for a KeyUsage without keyCertSign. A CA certificate without those extensions (X.509 v1) is allowed.</summary>
    private static void CheckAuthority(X509Certificate2 certificate)
    {
        X509BasicConstraintsExtension? constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        X509KeyUsageExtension? usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (constraints is { CertificateAuthority: false } || (usage is not null && (usage.KeyUsages & X509KeyUsageFlags.KeyCertSign) == 0))
        {
            throw new ArgumentException("the CA certificate may not sign certificates (no key-cert-sign)");
        }
    }

    internal sealed record Signer(AsymmetricAlgorithm Key, X500DistinguishedName Name, byte[] KeyId) : IDisposable
    {
        /// <summary>The signer's name as RouterOS prints an issuer.</summary>
        public string NameText { get; } = DistinguishedNames.Format(Name);

        public void Dispose() => Key.Dispose();
    }
}

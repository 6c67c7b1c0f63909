using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

using RosCert.Core.Signatures;

namespace RosCert.Core.Requests;

/// <summary>PKCS#10 certification requests (RFC 2986): made for create-certificate-request, read for sign-certificate-request.</summary>
public static partial class CertificateRequests
{
    /// <summary>The RouterOS text for an EC template with digest-algorithm=md5.</summary>
    public const string EcMd5Message = SignatureAlgorithms.EcMd5Message;

    /// <summary>PKCS#9 challengePassword (RFC 2985 §5.4.1).</summary>
    internal const string ChallengePasswordOid = "1.2.840.113549.1.9.7";

    /// <summary>pkcs-9-ub-challengePassword (RFC 2985 appendix A).</summary>
    private const int MaxChallengeLength = 255;

    /// <summary>
    /// A DER CertificationRequest (RFC 2986 §4.2) for <paramref name="subject"/>, signed with the
    /// PKCS#8 key. Requested KU/EKU/SAN go in one extensionRequest attribute (RFC 2985 §5.4.2),
    /// each only when it has content; a non-empty <paramref name="challengePassword"/> becomes the
    /// challengePassword attribute.
    /// </summary>
    public static byte[] Create(
        X500DistinguishedName subject,
        IReadOnlyList<SanEntry> san,
        KeyUsage keyUsage,
        DigestAlgorithm digest,
        byte[] privateKeyPkcs8,
        string? challengePassword)
    {
        using AsymmetricAlgorithm key = PrivateKeys.Open(privateKeyPkcs8);
        X509SignatureGenerator generator = SignatureGenerator(key, digest);
        var request = new CertificateRequest(subject, generator.PublicKey, SignatureAlgorithms.HashName(digest));
        foreach (X509Extension extension in RequestExtensions.Build(keyUsage, san))
        {
            request.CertificateExtensions.Add(extension);
        }

        if (!string.IsNullOrEmpty(challengePassword))
        {
            request.OtherRequestAttributes.Add(new AsnEncodedData(ChallengePasswordOid, EncodeChallengePassword(challengePassword)));
        }

        return request.CreateSigningRequest(generator);
    }

    /// <summary>Our one generator for every digest: .NET's refuses MD5 and SHA-1, which RouterOS offers.</summary>
    private static X509SignatureGenerator SignatureGenerator(AsymmetricAlgorithm key, DigestAlgorithm digest) =>
        key is ECDsa && digest == DigestAlgorithm.Md5
            ? throw new ArgumentException(EcMd5Message)
            : DigestSignatureGenerator.Create(key, digest);

    /// <summary>
    /// challengePassword ATTRIBUTE WITH SYNTAX DirectoryString {pkcs-9-ub-challengePassword}
    /// (RFC 2985 §5.4.1): PrintableString when every character fits, else UTF8String.
    /// </summary>
    private static byte[] EncodeChallengePassword(string password)
    {
        if (password.Length > MaxChallengeLength)
        {
            throw new ArgumentException($"challenge password is longer than {MaxChallengeLength} characters", nameof(password));
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        UniversalTagNumber type = password.All(IsPrintable) ? UniversalTagNumber.PrintableString : UniversalTagNumber.UTF8String;
        writer.WriteCharacterString(type, password);
        return writer.Encode();
    }

    /// <summary>The PrintableString alphabet (X.680 §41.4).</summary>
    private static bool IsPrintable(char c) => char.IsAsciiLetterOrDigit(c) || " '()+,-./:=?".Contains(c, StringComparison.Ordinal);
}

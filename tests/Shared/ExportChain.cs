// Shared by RosCert.Tests and RosCert.Interop.Tests (linked into both projects).
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Tests.Shared;

/// <summary>Root, intermediate and leaf made with .NET; the CAs use P-256, the leaf RSA-2048 or P-256.</summary>
internal sealed record ExportChain(IReadOnlyList<byte[]> Der, byte[] LeafKey)
{
    private static readonly Lazy<ExportChain> s_rsa = new(() => Create(KeyType.Rsa));
    private static readonly Lazy<ExportChain> s_ec = new(() => Create(KeyType.Ec));

    public static ExportChain Of(KeyType leafType) => leafType == KeyType.Rsa ? s_rsa.Value : s_ec.Value;

    private static ExportChain Create(KeyType leafType)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using X509Certificate2 root = Ca(new CertificateRequest("CN=Export Root", rootKey, HashAlgorithmName.SHA256), null);
        using X509Certificate2 intermediate = Ca(new CertificateRequest("CN=Export Intermediate", intermediateKey, HashAlgorithmName.SHA256), root);
        using AsymmetricAlgorithm leafKey = leafType == KeyType.Rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        CertificateRequest request = leafKey is RSA rsa
            ? new CertificateRequest("CN=router.test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=router.test", (ECDsa)leafKey, HashAlgorithmName.SHA256);
        X509SignatureGenerator byIntermediate = X509SignatureGenerator.CreateForECDsa(intermediateKey);
        using X509Certificate2 leaf = request.Create(intermediate.SubjectName, byIntermediate, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), [3]);
        return new ExportChain([leaf.RawData, intermediate.RawData, root.RawData], leafKey.ExportPkcs8PrivateKey());
    }

    private static X509Certificate2 Ca(CertificateRequest request, X509Certificate2? issuer)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        DateTimeOffset from = DateTimeOffset.UtcNow.AddDays(-2);
        return issuer is null
            ? request.CreateSelfSigned(from, from.AddYears(1))
            : request.Create(issuer, from, from.AddDays(300), [2]);
    }
}

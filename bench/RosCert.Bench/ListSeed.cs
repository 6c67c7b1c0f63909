using System.Security.Cryptography;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Issuance;
using RosCert.Core.Model;

namespace RosCert.Bench;

/// <summary>
/// The list case's store: N P-256 leaves signed by a local CA and stored through <see cref="Core.Ports.IStoreWriter"/>
/// in one transaction (one subject key for all, each with its own name, serial and signature), and
/// the same N certificates as one PEM file for the peer.
/// </summary>
internal static class ListSeed
{
    public static void Run(CommandEnvironment environment, CertificateEntry ca, int count, string pemPath)
    {
        var issuer = new CertificateIssuer(environment.Clock, environment.Serials);
        var authority = new SigningAuthority(ca.Der!, environment.Keys.Unseal(ca.PrivateKey!), []);
        byte[] publicKey = KeyMaterial.SubjectPublicKeyInfo(environment.KeySource.Generate(KeySize.Prime256v1));
        using var pem = new StreamWriter(pemPath);
        environment.Store.Write(writer =>
        {
            for (int i = 0; i < count; i++)
            {
                string name = FormattableString.Invariant($"leaf{i}");
                var request = new IssuanceRequest(
                    new SubjectFields(name, "LV", "", "Riga", "Bench", ""), [], KeyUsage.DigitalSignature | KeyUsage.TlsClient, 365, DigestAlgorithm.Sha256, publicKey);
                IssuedCertificate issued = issuer.Issue(request, subjectPrivateKeyPkcs8: null, authority);
                writer.Insert(Entry(writer.AllocateId("/certificate"), name, request, issued, ca.Id));
                pem.Write(PemEncoding.WriteString("CERTIFICATE", issued.Der));
                pem.Write('\n');
            }

            return 0;
        });
    }

    private static CertificateEntry Entry(ItemId id, string name, IssuanceRequest request, IssuedCertificate issued, ItemId caId) => new CertificateEntry
    {
        Id = id,
        Name = name,
        CommonName = request.Subject.CommonName,
        Country = request.Subject.Country,
        Locality = request.Subject.Locality,
        Organization = request.Subject.Organization,
        KeySize = KeySize.Prime256v1,
        KeyUsage = request.KeyUsage,
    }.WithIssued(issued, caId, privateKey: null);
}

using RosCert.Acme.Client;
using RosCert.Commands.Items;
using RosCert.Commands.Menus.Services;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Certificates.AcmeManaged;

/// <summary>
/// Puts an issued ACME certificate into <c>/certificate</c>, in one transaction: the leaf with its
/// sealed key and ACME state, the intermediates as entries with <c>trusted=no</c> (reference §2.13),
/// and for <c>enable-ssl-certificate</c> a new <c>letsencrypt-autogen_&lt;UTC time&gt;</c> entry that
/// www-ssl and every other reference move to before the old entry is removed.
/// </summary>
public static class AcmeEntries
{
    public const string AutogenPrefix = "letsencrypt-autogen_";

    public static CertificateEntry Install(
        Catalogue.Catalogue catalogue, IStoreWriter writer, CertificateEntry? old, Management management, AcmeCertificate certificate, SealedKey key, DateTimeOffset now)
    {
        foreach (byte[] issuer in certificate.Chain.Skip(1))
        {
            AddIntermediate(writer, issuer);
        }

        if (new AcmeSettings(management.Properties).ForWwwSsl)
        {
            return Replace(catalogue, writer, old, management, certificate.Leaf, key, now);
        }

        CertificateEntry current = old is null ? throw new InvalidOperationException("add-acme entry missing") : writer.Certificate(old.Id) ?? throw Core.Errors.Errors.NoSuchItem();
        CertificateEntry renewed = WithCertificate(current, certificate.Leaf) with { PrivateKey = key, Management = management, Trusted = false };
        writer.Update(renewed);
        return renewed;
    }

    /// <summary>The www-ssl way: a new entry, references moved, then the old entry removed.</summary>
    private static CertificateEntry Replace(
        Catalogue.Catalogue catalogue, IStoreWriter writer, CertificateEntry? old, Management management, byte[] leaf, SealedKey key, DateTimeOffset now)
    {
        string name = UniqueName(writer, AutogenPrefix + AcmeSettings.Format(now));
        CertificateEntry entry = WithCertificate(new CertificateEntry { Id = writer.AllocateId(CertificateProperties.Menu), Name = name }, leaf) with
        {
            PrivateKey = key,
            Management = management,
            Trusted = false,
        };
        writer.Insert(entry);
        AssignToWwwSsl(writer, name);
        if (old is not null && writer.Certificate(old.Id) is { } previous)
        {
            References.Rename(catalogue, writer, CertificateProperties.Menu, previous.Name, name);
            writer.DeleteCertificate(previous.Id);
        }

        return entry;
    }

    /// <summary>www-ssl gets the certificate and is enabled; the daemon picks it up at the next handshake.</summary>
    private static void AssignToWwwSsl(IStoreWriter writer, string name)
    {
        ItemRecord? service = writer.Items(ServiceMenu.Path).FirstOrDefault(i => i.Name == "www-ssl");
        if (service is null)
        {
            return;
        }

        var properties = new Dictionary<string, string>(service.Properties, StringComparer.Ordinal) { ["certificate"] = name, ["disabled"] = "no" };
        writer.PutItem(service with { Properties = properties });
    }

    private static void AddIntermediate(IStoreWriter writer, byte[] der)
    {
        IssuedCertificate facts = CertificateFacts.Describe(der);
        if (writer.CertificateByFingerprint(facts.Fingerprint) is not null)
        {
            return;
        }

        string commonName = CertificateFacts.SubjectOf(der).CommonName;
        string name = UniqueName(writer, commonName.Length > 0 ? commonName : "acme-intermediate");
        writer.Insert(WithCertificate(new CertificateEntry { Id = writer.AllocateId(CertificateProperties.Menu), Name = name }, der) with { Trusted = false });
    }

    /// <summary>The printed fields of a certificate read from its DER (the same reading as import); a
    /// short-lived certificate still shows days-valid=1.</summary>
    public static CertificateEntry WithCertificate(CertificateEntry entry, byte[] der)
    {
        CertificateEntry filled = entry.WithCertificate(der);
        return filled with { DaysValid = Math.Max(1, filled.DaysValid) };
    }

    private static string UniqueName(IStoreReader reader, string name)
    {
        string candidate = name;
        for (int n = 1; reader.CertificateByName(candidate) is not null; n++)
        {
            candidate = $"{name}_{n}";
        }

        return candidate;
    }
}

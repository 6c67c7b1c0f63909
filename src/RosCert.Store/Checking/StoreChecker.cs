using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Revocation;

namespace RosCert.Store.Checking;

/// <summary>
/// <c>roscert check</c> (a RosCert extra): proves a store is whole. SQLite's own integrity and
/// foreign-key checks, then the facts RosCert relies on: every sealed key opens under the master key
/// and pairs with its certificate, names are unique, every local issuer exists and named the
/// certificate's issuer, every stored CRL verifies against its CA.
/// </summary>
public static class StoreChecker
{
    /// <summary>Runs every check; an empty list means the store is whole.</summary>
    public static CheckReport Check(SqliteStore store, IKeyProtector keys)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        var findings = new List<string>();
        findings.AddRange(store.DatabaseFindings());
        (int certificates, int sealedKeys, int crls) = store.Read(reader =>
        {
            IReadOnlyList<CertificateEntry> entries = reader.Certificates();
            var byId = entries.ToDictionary(e => e.Id);
            int opened = 0;
            foreach (CertificateEntry entry in entries)
            {
                opened += CheckEntry(entry, byId, keys, findings);
            }

            foreach (CrlRecord crl in reader.Crls())
            {
                CheckCrl(crl, byId, findings);
            }

            return (entries.Count, opened, reader.Crls().Count);
        });
        foreach ((string hash, SealedKey key) in store.PendingKeys())
        {
            sealedKeys += OpenPending(hash, key, keys, findings);
        }

        return new CheckReport(findings, certificates, sealedKeys, crls);
    }

    private static int CheckEntry(CertificateEntry entry, Dictionary<ItemId, CertificateEntry> byId, IKeyProtector keys, List<string> findings)
    {
        if (entry.Name.Length == 0)
        {
            findings.Add($"certificate *{entry.Id.Value:X} has an empty name");
        }

        X509Certificate2? certificate = null;
        if (entry.Der is { } der)
        {
            certificate = ParseCertificate(entry, der, findings);
        }

        using (certificate)
        {
            if (entry.IssuedBy is { } issuerId)
            {
                CheckIssuer(entry, issuerId, certificate, byId, findings);
            }

            return entry.PrivateKey is { } sealedKey ? CheckKey(entry, sealedKey, certificate, keys, findings) : 0;
        }
    }

    private static X509Certificate2? ParseCertificate(CertificateEntry entry, byte[] der, List<string> findings)
    {
        if (entry.Fingerprint is { } fingerprint && fingerprint != Convert.ToHexStringLower(SHA256.HashData(der)))
        {
            findings.Add($"certificate {entry.Name}: stored fingerprint does not match its DER");
        }

        try
        {
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
            findings.Add($"certificate {entry.Name}: its DER does not parse");
            return null;
        }
    }

    private static void CheckIssuer(CertificateEntry entry, ItemId issuerId, X509Certificate2? certificate, Dictionary<ItemId, CertificateEntry> byId, List<string> findings)
    {
        if (!byId.TryGetValue(issuerId, out CertificateEntry? issuer) || issuer.Der is null)
        {
            findings.Add($"certificate {entry.Name}: its issuer *{issuerId.Value:X} does not exist");
            return;
        }

        if (certificate is null)
        {
            return;
        }

        using X509Certificate2 issuerCertificate = X509CertificateLoader.LoadCertificate(issuer.Der);
        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(issuerCertificate.SubjectName.RawData))
        {
            findings.Add($"certificate {entry.Name}: its issuer name is not the subject of {issuer.Name}");
        }
    }

    private static int CheckKey(CertificateEntry entry, SealedKey sealedKey, X509Certificate2? certificate, IKeyProtector keys, List<string> findings)
    {
        byte[] pkcs8;
        try
        {
            pkcs8 = keys.Unseal(sealedKey);
        }
        catch (CryptographicException)
        {
            findings.Add($"certificate {entry.Name}: its private key does not open under the master key");
            return 0;
        }

        try
        {
            if (certificate is not null && !KeyMaterial.Matches(pkcs8, certificate.PublicKey.ExportSubjectPublicKeyInfo()))
            {
                findings.Add($"certificate {entry.Name}: its private key does not match its public key");
            }
        }
        catch (CryptographicException)
        {
            findings.Add($"certificate {entry.Name}: its private key does not load");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        return 1;
    }

    private static int OpenPending(string hash, SealedKey key, IKeyProtector keys, List<string> findings)
    {
        try
        {
            byte[] pkcs8 = keys.Unseal(key);
            bool same = KeyMaterial.PublicKeyHash(KeyMaterial.SubjectPublicKeyInfo(pkcs8)) == hash;
            CryptographicOperations.ZeroMemory(pkcs8);
            if (!same)
            {
                findings.Add($"pending key {hash[..16]}: is not the key its public key hash names");
            }

            return 1;
        }
        catch (CryptographicException)
        {
            findings.Add($"pending key {hash[..Math.Min(16, hash.Length)]}: does not open under the master key");
            return 0;
        }
    }

    private static void CheckCrl(CrlRecord crl, Dictionary<ItemId, CertificateEntry> byId, List<string> findings)
    {
        if (!byId.TryGetValue(crl.CaId, out CertificateEntry? ca) || ca.Der is null)
        {
            findings.Add($"crl of *{crl.CaId.Value:X}: its CA does not exist");
            return;
        }

        if (crl.Der is null)
        {
            return;
        }

        try
        {
            if (!CrlReader.Read(crl.Der, ca.Der).SignatureValid)
            {
                findings.Add($"crl of {ca.Name}: its signature does not verify with the CA's key");
            }
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            findings.Add($"crl of {ca.Name}: does not parse");
        }
    }
}

/// <summary>What <see cref="StoreChecker"/> found and how much it looked at.</summary>
public sealed record CheckReport(IReadOnlyList<string> Findings, int Certificates, int Keys, int Crls)
{
    public bool Whole => Findings.Count == 0;
}

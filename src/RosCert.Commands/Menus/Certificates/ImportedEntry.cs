using System.Security.Cryptography;
using RosCert.Commands.Execution;
using RosCert.Commands.Values;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>What <c>import</c> was told: names, trust and key export (reference §2.9).</summary>
internal sealed class ImportOptions(Invocation invocation, string fileName)
{
    private int _next;

    public bool Trusted { get; } = invocation.Argument("trusted") is not RosBool { Value: false };

    public string TrustStore { get; } = invocation.Text("trust-store") is { Length: > 0 } store ? store : TrustStores.All;

    public bool NoKeyExport { get; } = invocation.Argument("no-key-export") is RosBool { Value: true };

    private string? GivenName { get; } = invocation.Text("name") is { Length: > 0 } name ? name : null;

    /// <summary>
    /// <c>name</c>, <c>name_1</c>, <c>name_2</c> … with <c>name=</c>; otherwise <c>&lt;file&gt;_0</c>,
    /// <c>&lt;file&gt;_1</c> …; names already taken are passed over.
    /// </summary>
    public string NextName(IStoreReader reader)
    {
        while (true)
        {
            int n = _next++;
            string candidate = GivenName is null ? $"{fileName}_{n}" : n == 0 ? GivenName : $"{GivenName}_{n}";
            if (reader.CertificateByName(candidate) is null)
            {
                return candidate;
            }
        }
    }
}

/// <summary>An imported certificate as a store entry: its printed properties read once from the DER.</summary>
internal static class ImportedEntry
{
    public static CertificateEntry? From(Invocation invocation, IStoreWriter writer, byte[] der, ImportOptions options)
    {
        KeySize keySize;
        try
        {
            keySize = CertificateFacts.KeySizeOf(der);
        }
        catch (CryptographicException error)
        {
            invocation.Session.Output.Line($"warning: certificate skipped: {error.Message}");
            return null;
        }

        return new CertificateEntry
        {
            Id = writer.AllocateId(CertificateProperties.Menu),
            Name = options.NextName(writer),
            Trusted = options.Trusted,
            TrustStore = options.TrustStore,
            NoKeyExport = options.NoKeyExport,
        }.WithCertificate(der, keySize);
    }
}

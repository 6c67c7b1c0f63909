using System.Globalization;
using System.Security.Cryptography;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Requests;

namespace RosCert.Scep.Server;

/// <summary>
/// The <c>/certificate/scep-server/requests</c> queue (reference §2.17, §6.1): a request without a
/// valid OTP waits as <c>pending</c> until <c>grant</c> (issued), <c>remove</c> or expiry after the
/// server's <c>request-lifetime</c> (failed). Statuses are the RouterOS words.
/// </summary>
public static class ScepRequestQueue
{
    public static ItemRecord? Find(IStoreReader reader, ScepServerSettings server, string transactionId) =>
        reader.ItemsWhere(ScepStoreNames.RequestMenu, "transaction-id", transactionId).FirstOrDefault(r =>
            r.Properties.GetValueOrDefault(ScepStoreNames.ServerId) == server.Id.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stores a request with <paramref name="status"/> and, when issued, the certificate's fingerprint.</summary>
    public static ItemRecord Add(IStoreWriter writer, ScepServerSettings server, string transactionId, SigningRequest request, DateTimeOffset now, string status, CertificateEntry? issued)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["authority"] = server.CaCert,
            ["status"] = status,
            ["created"] = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["transaction-id"] = transactionId,
            ["req-fingerprint"] = Convert.ToHexStringLower(SHA256.HashData(request.Der)),
            ["country"] = request.Country,
            ["state"] = request.State,
            ["locality"] = request.Locality,
            ["organization"] = request.Organization,
            ["unit"] = request.Unit,
            ["common-name"] = request.CommonName,
            ["subject-alt-name"] = string.Join(",", request.SubjectAltNames.Select(SanText)),
            [ScepStoreNames.RequestDer] = Convert.ToBase64String(request.Der),
            [ScepStoreNames.ServerId] = server.Id.Value.ToString(CultureInfo.InvariantCulture),
            [ScepStoreNames.KeyHash] = Core.Issuance.KeyMaterial.PublicKeyHash(request.SubjectPublicKeyInfo),
            [ScepStoreNames.CreatedAt] = now.ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (string empty in properties.Where(p => p.Value.Length == 0).Select(p => p.Key).ToArray())
        {
            properties.Remove(empty);
        }

        if (issued is not null)
        {
            properties[ScepStoreNames.IssuedFingerprint] = issued.Fingerprint!;
        }

        var record = new ItemRecord(ScepStoreNames.RequestMenu, writer.AllocateId(ScepStoreNames.RequestMenu), null, properties);
        writer.PutItem(record);
        return record;
    }

    public static ItemRecord With(IStoreWriter writer, ItemRecord request, string status, CertificateEntry? issued = null)
    {
        var properties = new Dictionary<string, string>(request.Properties, StringComparer.Ordinal) { ["status"] = status };
        if (issued is not null)
        {
            properties[ScepStoreNames.IssuedFingerprint] = issued.Fingerprint!;
        }

        ItemRecord changed = request with { Properties = properties };
        writer.PutItem(changed);
        return changed;
    }

    public static bool IsExpired(ItemRecord request, ScepServerSettings server, DateTimeOffset now) =>
        DateTimeOffset.TryParse(request.Properties.GetValueOrDefault(ScepStoreNames.CreatedAt), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset created)
        && created + server.RequestLifetime <= now;

    /// <summary><c>grant</c>: issues a pending request now; the client collects it with its next poll.</summary>
    public static CertificateEntry Grant(IStoreWriter writer, ItemRecord request, ScepServerSettings server, IScepIssuer issuer)
    {
        CertificateEntry ca = writer.CertificateByName(server.CaCert) ?? throw new InvalidOperationException("the SCEP server's CA is gone");
        SigningRequest signing = CertificateRequests.Load(Convert.FromBase64String(request.Properties[ScepStoreNames.RequestDer]));
        CertificateEntry issued = issuer.Issue(writer, ca, server, signing);
        With(writer, request, ScepStoreNames.Granted, issued);
        return issued;
    }

    private static string SanText(SanEntry entry) => entry.Kind switch
    {
        SanKind.Dns => "DNS:" + entry.Value,
        SanKind.Ip => "IP:" + entry.Value,
        _ => "email:" + entry.Value,
    };

    public static string ServerIdOf(ItemRecord request) => request.Properties.GetValueOrDefault(ScepStoreNames.ServerId) ?? "";
}

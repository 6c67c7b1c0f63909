using System.Globalization;
using System.Security.Cryptography;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Requests;
using RosCert.Scep.Server;

namespace RosCert.Scep.Forwarding;

/// <summary>
/// What a forwarding RA remembers of the transactions it forwarded (decision 0060): one
/// <c>/certificate/scep-server/requests</c> item per transactionID with <c>authority</c> = the RA's
/// name and the RouterOS statuses <c>waiting</c> (the upstream answered PENDING), <c>issued</c>,
/// <c>failed</c>. A CertPoll is forwarded only for a transaction the RA forwarded less than
/// <c>ra-transaction-lifetime</c> ago.
/// </summary>
public static class ScepRaJournal
{
    public const string Waiting = "waiting";

    /// <summary>Hidden property: the <c>.id</c> of the RA that forwarded the transaction.</summary>
    public const string RaId = "ra";

    public static ItemRecord? Find(IStoreReader reader, ScepRaSettings ra, string transactionId) =>
        reader.Items(ScepStoreNames.RequestMenu).FirstOrDefault(r =>
            r.Properties.GetValueOrDefault("transaction-id") == transactionId && r.Properties.GetValueOrDefault(RaId) == IdText(ra));

    /// <summary>Whether a poll may still be forwarded: known, not failed, younger than the lifetime.</summary>
    public static bool IsLive(ItemRecord record, ScepRaSettings ra, DateTimeOffset now) =>
        record.Properties.GetValueOrDefault("status") != ScepStoreNames.Failed
        && DateTimeOffset.TryParse(record.Properties.GetValueOrDefault(ScepStoreNames.CreatedAt), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset created)
        && now < created + ra.TransactionLifetime;

    /// <summary>Records a forwarded PKCSReq (a new transaction, or the same one sent again).</summary>
    public static void Opened(IStoreWriter writer, ScepRaSettings ra, string transactionId, SigningRequest request, DateTimeOffset now)
    {
        if (Find(writer, ra, transactionId) is not null)
        {
            return;
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["authority"] = ra.Name,
            ["status"] = Waiting,
            ["created"] = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["transaction-id"] = transactionId,
            ["req-fingerprint"] = Convert.ToHexStringLower(SHA256.HashData(request.Der)),
            [RaId] = IdText(ra),
            [ScepStoreNames.CreatedAt] = now.ToString("O", CultureInfo.InvariantCulture),
        };
        if (request.CommonName.Length > 0)
        {
            properties["common-name"] = request.CommonName;
        }

        writer.PutItem(new ItemRecord(ScepStoreNames.RequestMenu, writer.AllocateId(ScepStoreNames.RequestMenu), null, properties));
    }

    /// <summary>Records the upstream's answer on the transaction.</summary>
    public static void Answered(IStoreWriter writer, ScepRaSettings ra, string transactionId, string status)
    {
        if (Find(writer, ra, transactionId) is { } record && record.Properties.GetValueOrDefault("status") != status)
        {
            writer.PutItem(record with { Properties = new Dictionary<string, string>(record.Properties, StringComparer.Ordinal) { ["status"] = status } });
        }
    }

    private static string IdText(ScepRaSettings ra) => ra.Id.Value.ToString(CultureInfo.InvariantCulture);
}

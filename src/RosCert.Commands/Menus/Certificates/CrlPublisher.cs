using RosCert.Commands.Execution;
using RosCert.Core.Model;
using RosCert.Core.Revocation;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// Builds and stores the CRL of a local CA (reference §1.7): number increasing by one per build,
/// thisUpdate now, nextUpdate <see cref="Validity"/> later, signed with the CA key and its digest.
/// The revoked list is streamed out of a read transaction into <see cref="CrlWriter"/>; the result
/// is stored in a short write transaction that keeps the CRL stale if a revocation came in meanwhile.
/// </summary>
public static class CrlPublisher
{
    /// <summary>RouterOS rebuilds every 24 hours; two days of validity leave a day to fetch the next one.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(2);

    /// <summary>A rebuild is due after this long, or when the CRL is stale or near its nextUpdate.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(24);

    /// <summary>Whether a certificate publishes CRLs here: a local CA with its key and crl-sign.</summary>
    public static bool Publishes(CertificateEntry entry) =>
        !entry.IsTemplate && entry.PrivateKey is not null && (entry.KeyUsage & KeyUsage.CrlSign) != 0;

    public static void Rebuild(CommandEnvironment environment, ItemId caId)
    {
        (CertificateEntry? ca, CrlRecord? current) = environment.Store.Read(r => (r.Certificate(caId), r.Crl(caId)));
        if (ca is null || !Publishes(ca))
        {
            return;
        }

        DateTimeOffset now = TruncateToSeconds(environment.Clock.GetUtcNow());
        var request = new CrlRequest(ca.Der!, environment.Keys.Unseal(ca.PrivateKey!), ca.DigestAlgorithm, (current?.Number ?? 0) + 1, now, now + Validity);
        (byte[] der, long listed) = environment.Store.Read(r =>
        {
            long count = 0;
            byte[] built = CrlWriter.Write(request, r.RevokedBy(caId).Select(s => { count++; return Entry(s); }));
            return (built, count);
        });
        environment.Store.Write(writer =>
        {
            CrlRecord? latest = writer.Crl(caId);
            if (latest is null || latest.Number < request.CrlNumber)
            {
                bool stillCurrent = writer.RevokedCount(caId) == listed;
                writer.PutCrl(new CrlRecord(caId, request.CrlNumber, request.ThisUpdate, request.NextUpdate, der, Stale: !stillCurrent));
            }

            return 0;
        });
    }

    /// <summary>Whether a stored CRL needs a rebuild now (stale, a day old, or within an hour of its nextUpdate).</summary>
    public static bool Due(CrlRecord? crl, DateTimeOffset now) =>
        crl is null || crl.Stale || crl.Der is null
        || crl.ThisUpdate + RefreshAfter <= now
        || crl.NextUpdate - TimeSpan.FromHours(1) <= now;

    private static RevokedEntry Entry(RevokedSerial serial) =>
        new(Convert.FromHexString(serial.SerialNumber), serial.RevokedAt,
            serial.Reason is { } name && RevocationReasons.TryParse(name, out RevocationReason reason) ? reason : RevocationReason.Unspecified);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
}

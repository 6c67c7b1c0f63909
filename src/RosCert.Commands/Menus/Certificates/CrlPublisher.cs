using RosCert.Commands.Execution;
using RosCert.Core.Model;
using RosCert.Core.Revocation;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// Builds and stores the CRL of a local CA (reference §1.7): number increasing by one per build,
/// thisUpdate now, nextUpdate <see cref="Validity"/> later, signed with the CA key and its digest.
/// The revoked list is streamed out of a read transaction into <see cref="CrlBuilder"/>; the result
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
        (CertificateEntry? ca, long? number) = environment.Store.Read(r => (r.Certificate(caId), r.CrlNumber(caId)));
        if (ca is null || !Publishes(ca))
        {
            return;
        }

        DateTimeOffset now = TruncateToSeconds(environment.Clock.GetUtcNow());
        var request = new CrlRequest(ca.Der!, environment.Keys.Unseal(ca.PrivateKey!), ca.DigestAlgorithm, (number ?? 0) + 1, now, now + Validity);
        using var builder = new CrlBuilder(request);
        (long listed, long? mark) = environment.Store.Read(r => (r.ReadRevoked(caId, builder.AddStored), r.CommitMark()));
        SignedCrl crl = builder.Sign();
        environment.Store.Write(writer =>
        {
            if (writer.CrlNumber(caId) is not { } latest || latest < request.CrlNumber)
            {
                // Nothing committed since the list was read: it is current without counting the CA's
                // revocations again (a second pass over a million index entries). Otherwise the count tells.
                bool stillCurrent = (mark is { } read && writer.CommitMark() == read) || writer.RevokedCount(caId) == listed;
                var record = new CrlRecord(caId, request.CrlNumber, request.ThisUpdate, request.NextUpdate, Der: null, Stale: !stillCurrent);
                writer.PutCrl(record, crl.Length, crl.WriteTo);
            }

            return 0;
        });
    }

    /// <summary>Whether a stored CRL needs a rebuild now (stale, a day old, or within an hour of its nextUpdate).</summary>
    public static bool Due(CrlRecord? crl, DateTimeOffset now) =>
        crl is null || crl.Stale || crl.Der is null
        || crl.ThisUpdate + RefreshAfter <= now
        || crl.NextUpdate - TimeSpan.FromHours(1) <= now;

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
}

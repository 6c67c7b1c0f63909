using RosCert.Acme.Client;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Certificates.AcmeManaged;

/// <summary>
/// When the daemon renews an ACME entry: at <c>renew-at</c> (80% of the validity, reference §6.2, or
/// a time in the ARI window, RFC 9773 §4.2) and, after failures, not before <c>retry-at</c>
/// (exponential backoff from 5 minutes to a day, longer when the server said Retry-After).
/// </summary>
public static class AcmeSchedule
{
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromDays(1);

    public static bool Due(CertificateEntry entry, DateTimeOffset now)
    {
        if (AcmeSettings.Of(entry) is not { } settings)
        {
            return false;
        }

        if (settings.Instant(AcmeSettings.RetryAt) is { } retry && now < retry)
        {
            return false;
        }

        return entry.Der is null || now >= RenewAt(entry, settings);
    }

    /// <summary>The stored renewal time, else 80% of the validity of the certificate.</summary>
    public static DateTimeOffset RenewAt(CertificateEntry entry, AcmeSettings settings) =>
        settings.Instant(AcmeSettings.RenewAt)
        ?? RenewalSchedule.EightyPercent(entry.InvalidBefore ?? DateTimeOffset.MinValue, entry.InvalidAfter ?? DateTimeOffset.MinValue);

    /// <summary>The backoff after the n-th failure in a row (n from 1): 5 min doubling, at most a day.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        double minutes = s_firstBackoff.TotalMinutes * Math.Pow(2, Math.Min(Math.Max(failures, 1) - 1, 20));
        TimeSpan backoff = TimeSpan.FromMinutes(Math.Min(minutes, s_maxBackoff.TotalMinutes));
        return retryAfter is { } server && server > backoff ? server : backoff;
    }
}

using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Ports;
using RosCert.Core.Revocation;

namespace RosCert.Host.Daemon;

/// <summary>
/// <c>/certificate/settings crl-download=yes</c> (reference §1.7): the CRLs of trusted certificates
/// are downloaded hourly, and sooner when an entry has never been downloaded, when its CRL passed its
/// next-update, or when its <c>ram</c> copy is gone. Checked every minute; does nothing while
/// <c>crl-download=no</c>.
/// </summary>
public sealed class CrlDownloadRunner(DaemonContext context)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private static readonly TimeSpan s_tick = TimeSpan.FromMinutes(1);

    private DateTimeOffset _lastFull = DateTimeOffset.MinValue;

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Run(DownloadDue, stop).ConfigureAwait(false);
                await Task.Delay(s_tick, context.Environment.Clock, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void DownloadDue()
    {
        if (!context.Environment.Store.Read(CrlSettings.Download))
        {
            return;
        }

        DateTimeOffset now = context.Environment.Clock.GetUtcNow();
        bool full = now - _lastFull >= Interval;
        ICrlCache? cache = context.Environment.CrlCache;
        IReadOnlyList<string> problems = CrlDownload.Run(
            context.Environment,
            entry => full || entry.Data is null || CrlEntries.Expired(entry.Data, now)
                || (entry.Data.Keeping == CrlKeeping.Ram && cache?.Read(entry.Data.Info.Fingerprint) is null));
        if (full)
        {
            _lastFull = now;
        }

        foreach (string problem in problems)
        {
            context.Log.Warning("crl", problem);
        }
    }
}

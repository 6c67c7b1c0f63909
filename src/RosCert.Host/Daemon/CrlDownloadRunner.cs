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
                await Task.Run(DownloadDueLogged, stop).ConfigureAwait(false);
                await Task.Delay(s_tick, context.Environment.Clock, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One round; a failure (a busy store, an unusable cache directory) is logged and the next round tries again.</summary>
    private void DownloadDueLogged()
    {
        try
        {
            DownloadDue();
        }
#pragma warning disable CA1031 // the runner must outlive any one failed round
        catch (Exception error)
#pragma warning restore CA1031
        {
            context.Log.Error("crl", $"CRL download round failed: {error.Message}");
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
                || (entry.Data.Keeping == CrlKeeping.Ram && cache?.Contains(entry.Data.Info.Fingerprint) != true));
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

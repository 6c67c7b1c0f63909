using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Model;

namespace RosCert.Host.Daemon;

/// <summary>
/// Keeps every local CA's CRL fresh (reference §1.7): rebuilt when stale (found at start-up too),
/// every 24 hours, and before it would expire. Checked every 30 seconds.
/// </summary>
public sealed class CrlRefresher(DaemonContext context)
{
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                RefreshDue();
                await Task.Delay(s_tick, context.Environment.Clock, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void RefreshDue()
    {
        DateTimeOffset now = context.Environment.Clock.GetUtcNow();
        IReadOnlyList<CertificateEntry> authorities = context.Environment.Store.Read(r => r.CrlSigners().Where(CrlPublisher.Publishes).ToArray());
        foreach (CertificateEntry ca in authorities)
        {
            if (CrlPublisher.Due(context.Environment.Store.Read(r => r.Crl(ca.Id)), now))
            {
                CrlPublisher.Rebuild(context.Environment, ca.Id);
                context.Log.Info("crl", $"CRL of {ca.Name} rebuilt");
            }
        }
    }
}

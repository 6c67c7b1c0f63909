using RosCert.Commands.Menus.Certificates;
using RosCert.Commands.Menus.Certificates.AcmeManaged;
using RosCert.Core.Errors;
using RosCert.Core.Model;

namespace RosCert.Host.Daemon;

/// <summary>
/// Renews ACME-managed certificates (reference §6.2): each entry when <see cref="AcmeSchedule.Due"/>
/// says so (80% of the validity or the ARI window, asked again when its Retry-After passed), after failures with backoff. The old
/// certificate stays in service until the new one is installed in one transaction. Checked every minute.
/// </summary>
public sealed class AcmeRenewer(DaemonContext context)
{
    private static readonly TimeSpan s_tick = TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Run(RenewDue, stop).ConfigureAwait(false);
                await Task.Delay(s_tick, context.Environment.Clock, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void RenewDue()
    {
        DateTimeOffset now = context.Environment.Clock.GetUtcNow();
        IReadOnlyList<CertificateEntry> recheck = context.Environment.Store.Read(r => r.ManagedCertificates()
            .Where(c => AcmeSettings.Of(c)?.Instant(AcmeSettings.AriCheckAt) is { } at && at <= now).ToArray());
        foreach (CertificateEntry entry in recheck)
        {
            new AcmeService(context.Environment).RefreshRenewalWindow(entry);
        }

        IReadOnlyList<CertificateEntry> due = context.Environment.Store.Read(r => r.ManagedCertificates().Where(c => AcmeSchedule.Due(c, now)).ToArray());
        foreach (CertificateEntry entry in due)
        {
            try
            {
                CertificateEntry renewed = AcmeCommands.RenewEntry(context.Environment, entry, message => context.Log.Info("acme", $"{entry.Name}: {message}"));
                context.Log.Info("acme", $"{entry.Name}: renewed as {renewed.Name}");
            }
            catch (Exception error) when (error is RouterOsException or InvalidOperationException or IOException or System.Security.Cryptography.CryptographicException)
            {
                context.Log.Warning("acme", $"{entry.Name}: renewal failed: {error.Message}");
            }
        }
    }
}

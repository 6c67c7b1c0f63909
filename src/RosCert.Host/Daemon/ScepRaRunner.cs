using RosCert.Commands.Menus.Certificates;

namespace RosCert.Host.Daemon;

/// <summary>
/// Keeps each forwarding RA's view of its upstream SCEP server fresh (capabilities, CA chain,
/// <c>ca-fingerprint</c>; decision 0060). The RA certificate itself is enrolled and renewed by
/// <see cref="ScepClientRunner"/>, as any SCEP-managed entry. Checked every minute.
/// </summary>
public sealed class ScepRaRunner(DaemonContext context)
{
    private static readonly TimeSpan s_tick = TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Run(Refresh, stop).ConfigureAwait(false);
                await Task.Delay(s_tick, context.Environment.Clock, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Refresh()
    {
        try
        {
            ScepRaService.RefreshAll(context.Environment, message => context.Log.Warning("scep-ra", message));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            context.Log.Warning("scep-ra", "RA refresh failed: " + error.Message);
        }
    }
}

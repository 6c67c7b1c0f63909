using RosCert.Commands.Menus.Certificates;

namespace RosCert.Host.Daemon;

/// <summary>
/// Drives the SCEP clients of <c>add-scep</c> entries (reference §6.1): polls pending requests,
/// renews at 3/4 of the validity, retries while the CA waits for trust. Checked every 30 seconds.
/// </summary>
public sealed class ScepClientRunner(DaemonContext context)
{
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Run(RunDue, stop).ConfigureAwait(false);
                await Task.Delay(s_tick, context.Environment.Clock, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One round; a failure is logged and the next tick tries again, the daemon keeps running.</summary>
    private void RunDue()
    {
        try
        {
            ScepEnrolment.RunDue(context.Environment);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            context.Log.Warning("scep", "SCEP client round failed: " + error.Message);
        }
    }
}

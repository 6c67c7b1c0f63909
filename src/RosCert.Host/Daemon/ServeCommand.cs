using System.Runtime.InteropServices;
using RosCert.Commands.Menus.Users;

namespace RosCert.Host.Daemon;

/// <summary>
/// <c>roscert serve</c>: runs the services of <c>/ip service</c> until SIGINT or SIGTERM, then stops
/// accepting, drains open requests for a bounded time and exits 0. Logs are JSON lines on standard
/// output.
/// </summary>
internal static class ServeCommand
{
    public static int Run(Composition composition)
    {
        var log = new JsonLog(System.Console.Out, composition.Environment.Clock);
        var authenticator = new UserAuthenticator(composition.Environment, message => log.Warning("login", message));
        var context = new DaemonContext(composition.Environment, authenticator, new CertificateCache(composition.Environment), log);
        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Stop(signal, stop, log));
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Stop(signal, stop, log));

        log.Info("daemon", $"started (pid {Environment.ProcessId})");
        Task services = new ServiceSupervisor(context).RunAsync(stop.Token);
        Task scheduler = new SchedulerRunner(context).RunAsync(stop.Token);
        Task crls = new CrlRefresher(context).RunAsync(stop.Token);
        Task downloads = new CrlDownloadRunner(context).RunAsync(stop.Token);
        Task renewals = new AcmeRenewer(context).RunAsync(stop.Token);
        Task scep = new ScepClientRunner(context).RunAsync(stop.Token);
        Task ra = new ScepRaRunner(context).RunAsync(stop.Token);
        Task.WaitAll(services, scheduler, crls, downloads, renewals, scep, ra);
        log.Info("daemon", "stopped");
        return 0;
    }

    private static void Stop(PosixSignalContext signal, CancellationTokenSource stop, JsonLog log)
    {
        signal.Cancel = true; // we stop ourselves, after draining
        log.Info("daemon", $"{signal.Signal} received, stopping");
        stop.Cancel();
    }
}

using System.Net.Sockets;
using RosCert.Commands.Menus.Services;
using RosCert.Core.Ports;

namespace RosCert.Host.Daemon;

/// <summary>
/// Keeps the running services equal to <c>/ip service</c>: polls the store's change version twice a
/// second (so a change made by any process applies within a second, without a restart), starts,
/// restarts and stops services, and writes each service's <c>status</c> back. A port that cannot be
/// bound is reported on that service; the others keep running.
/// </summary>
public sealed class ServiceSupervisor(DaemonContext context)
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(500);
    private readonly Dictionary<string, IRunningService> _running = new(StringComparer.Ordinal);
    private IReadOnlyList<ServiceConfig> _configs = [];

    public async Task RunAsync(CancellationToken stop)
    {
        long seen = -1;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                long version = context.Environment.Store.ChangeVersion();
                if (version != seen)
                {
                    seen = version;
                    await ApplyAsync().ConfigureAwait(false);
                }

                await Task.Delay(s_poll, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await StopAllAsync().ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync()
    {
        IReadOnlyList<ItemRecord> records = context.Environment.Store.Read(r => r.Items(ServiceMenu.Path));
        _configs = [.. records.Select(ServiceConfig.From)];
        foreach (ServiceConfig config in _configs)
        {
            string status = await EnsureAsync(config).ConfigureAwait(false);
            // Written only when it changed: every write bumps the change version this loop polls, so an
            // unconditional write made the daemon re-apply (and write again) twice a second forever.
            if (records.FirstOrDefault(r => r.Name == config.Name)?.Properties.GetValueOrDefault("status") != status)
            {
                ReportStatus(config.Name, status);
            }
        }
    }

    /// <summary>Makes one service match its record; returns the status to show.</summary>
    private async Task<string> EnsureAsync(ServiceConfig config)
    {
        if (_running.TryGetValue(config.Name, out IRunningService? running))
        {
            if (SameListener(running.Config, config))
            {
                return "running";
            }

            await running.DisposeAsync().ConfigureAwait(false);
            _running.Remove(config.Name);
            context.Log.Info(config.Name, "stopped");
        }

        if (config.Disabled)
        {
            return "disabled";
        }

        if (config.IsTls && config.Certificate is null)
        {
            return "no certificate";
        }

        try
        {
            Func<ServiceConfig> current = () => _configs.FirstOrDefault(c => c.Name == config.Name) ?? config;
            _running[config.Name] = config.IsWeb
                ? await WebService.StartAsync(config, current, context).ConfigureAwait(false)
                : ApiService.Start(config, current, context);
            context.Log.Info(config.Name, $"listening on {config.ListenAddress} port {config.Port}");
            return "running";
        }
        catch (Exception error) when (error is SocketException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            string reason = $"cannot listen on port {config.Port}: {(error.InnerException ?? error).Message}";
            context.Log.Error(config.Name, reason);
            return "error: " + reason;
        }
    }

    /// <summary>Certificate, address and TLS version are read per connection; only these need a new listener.</summary>
    private static bool SameListener(ServiceConfig running, ServiceConfig wanted) =>
        !wanted.Disabled && running.Port == wanted.Port && running.ListenAddress.Equals(wanted.ListenAddress) && running.IsTls == wanted.IsTls
        && (running.Certificate is null) == (wanted.Certificate is null);

    private void ReportStatus(string name, string status)
    {
        context.Environment.Store.Write(writer =>
        {
            ItemRecord? record = writer.Items(ServiceMenu.Path).FirstOrDefault(r => r.Name == name);
            if (record is not null && record.Properties.GetValueOrDefault("status") != status)
            {
                var properties = new Dictionary<string, string>(record.Properties, StringComparer.Ordinal) { ["status"] = status };
                writer.PutItem(record with { Properties = properties });
            }

            return 0;
        });
    }

    private async Task StopAllAsync()
    {
        foreach ((string name, IRunningService service) in _running)
        {
            await service.DisposeAsync().ConfigureAwait(false);
            context.Log.Info(name, "stopped");
        }

        _running.Clear();
    }
}

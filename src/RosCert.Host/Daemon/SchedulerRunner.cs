using System.Globalization;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.RouterSystem;
using RosCert.Commands.Menus.Users;
using RosCert.Commands.Values;
using RosCert.Console.Execution;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Host.Daemon;

/// <summary>
/// Runs <c>/system scheduler</c> entries (issue 5): <c>start-time=startup</c> entries when the daemon
/// starts, others from <c>start-date</c>/<c>start-time</c> in the clock's zone, then every
/// <c>interval</c> (none: once). <c>on-event</c> (a script name or source) runs in the console
/// language with the rights of the entry's owner; its output and errors go to the log.
/// </summary>
public sealed class SchedulerRunner(DaemonContext context)
{
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(1);
    private readonly Dictionary<ItemId, DateTimeOffset> _nextRun = [];
    private readonly DateTimeOffset _started = context.Environment.Clock.GetUtcNow();

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                RunDue();
                await Task.Delay(s_tick, context.Environment.Clock, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Runs every entry that is due now; public so tests can step it under a fixed clock.</summary>
    public void RunDue()
    {
        DateTimeOffset now = context.Environment.Clock.GetUtcNow();
        IReadOnlyList<ItemRecord> entries = context.Environment.Store.Read(r => r.Items(ScriptMenus.SchedulerPath));
        foreach (ItemRecord entry in entries.Where(e => e.Properties.GetValueOrDefault("disabled") != "yes"))
        {
            if (!_nextRun.TryGetValue(entry.Id, out DateTimeOffset next))
            {
                next = FirstRun(entry, now);
            }

            if (next <= now)
            {
                Run(entry);
                TimeSpan interval = Durations.TryParse(entry.Properties.GetValueOrDefault("interval", "0s"), out TimeSpan i) ? i : TimeSpan.Zero;
                next = interval > TimeSpan.Zero ? Later(next, interval, now) : DateTimeOffset.MaxValue;
            }

            _nextRun[entry.Id] = next;
        }
    }

    private DateTimeOffset FirstRun(ItemRecord entry, DateTimeOffset now)
    {
        string startTime = entry.Properties.GetValueOrDefault("start-time", "startup");
        if (startTime == "startup")
        {
            return _started;
        }

        TimeZoneInfo zone = context.Environment.Store.Read(r => SystemSettings.Zone(r, context.Environment.HostZone));
        DateTime today = TimeZoneInfo.ConvertTime(now, zone).Date;
        DateTime date = DateTime.TryParseExact(entry.Properties.GetValueOrDefault("start-date", ""), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime d) ? d : today;
        TimeSpan time = TimeSpan.TryParse(startTime, CultureInfo.InvariantCulture, out TimeSpan t) ? t : TimeSpan.Zero;
        DateTime local = date + time;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The first run after <paramref name="now"/> on the entry's grid (missed runs are not repeated).</summary>
    private static DateTimeOffset Later(DateTimeOffset last, TimeSpan interval, DateTimeOffset now)
    {
        long missed = Math.Max(1, (now - last).Ticks / interval.Ticks + 1);
        return last + TimeSpan.FromTicks(interval.Ticks * missed);
    }

    private void Run(ItemRecord entry)
    {
        string owner = entry.Properties.GetValueOrDefault("owner", UserDirectory.DefaultUser);
        Rights? rights = context.Environment.Store.Read(r =>
            UserDirectory.Users(r).FirstOrDefault(u => u.Name == owner) is { } user ? UserDirectory.RightsOf(r, user) : null);
        if (rights is null)
        {
            context.Log.Warning("scheduler", $"{entry.Name}: owner {owner} does not exist, not run");
            return;
        }

        string source = context.Environment.Store.Write(writer => Counted(writer, entry));
        using var output = new StringWriter();
        var engine = new ConsoleEngine(new Session(context.Environment, owner, rights.Value, Face.Scheduler), output, output);
        bool ok = engine.Run(source);
        string said = output.ToString().Trim();
        string message = $"{entry.Name}: {(ok ? "ran" : "failed")}{(said.Length > 0 ? ": " + said : "")}";
        if (ok)
        {
            context.Log.Info("scheduler", message);
        }
        else
        {
            context.Log.Error("scheduler", message);
        }
    }

    /// <summary>Counts the run in the entry (its own transaction) and returns what to run.</summary>
    private static string Counted(IStoreWriter writer, ItemRecord entry)
    {
        ItemRecord current = writer.Items(ScriptMenus.SchedulerPath).FirstOrDefault(e => e.Id == entry.Id) ?? entry;
        int count = int.TryParse(current.Properties.GetValueOrDefault("run-count"), out int n) ? n : 0;
        var properties = new Dictionary<string, string>(current.Properties, StringComparer.Ordinal)
        {
            ["run-count"] = (count + 1).ToString(CultureInfo.InvariantCulture),
        };
        writer.PutItem(current with { Properties = properties });
        return ScriptMenus.EventSource(writer, current.Properties.GetValueOrDefault("on-event", ""));
    }
}

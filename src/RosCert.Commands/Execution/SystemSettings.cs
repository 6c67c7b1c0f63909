using RosCert.Core.Ports;

namespace RosCert.Commands.Execution;

/// <summary>Names and readers of the settings every process shares (identity, clock zone).</summary>
public static class SystemSettings
{
    public const string IdentityMenu = "/system/identity";
    public const string ClockMenu = "/system/clock";
    public const string DefaultIdentity = "RosCert";

    public static string Identity(IStoreReader reader) => reader.Setting(IdentityMenu, "name") ?? DefaultIdentity;

    /// <summary>The <c>/system clock time-zone-name</c> zone, else the host's (reference §1.8).</summary>
    public static TimeZoneInfo Zone(IStoreReader reader, TimeZoneInfo hostZone)
    {
        string? name = reader.Setting(ClockMenu, "time-zone-name");
        if (name is null)
        {
            return hostZone;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out TimeZoneInfo? zone) ? zone : hostZone;
    }

    /// <summary>RouterOS 7.10+ date-time text: <c>2019-01-19 04:15:21</c> in the clock's zone.</summary>
    public static string FormatDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Net;
using RosCert.Commands.Menus.Services;
using RosCert.Core.Ports;

namespace RosCert.Host.Daemon;

/// <summary>One <c>/ip service</c> record as the daemon needs it; equal configs need no restart.</summary>
public sealed record ServiceConfig(string Name, int Port, IPAddress ListenAddress, bool Disabled, string? Certificate, bool Tls12Only, string AllowedNetworks)
{
    public bool IsTls => Name is "www-ssl" or "api-ssl";

    public bool IsWeb => Name is "www" or "www-ssl";

    public static ServiceConfig From(ItemRecord record)
    {
        IReadOnlyDictionary<string, string> p = record.Properties;
        string listen = p.GetValueOrDefault("listen-address", "");
        return new ServiceConfig(
            record.Name ?? "",
            int.Parse(p.GetValueOrDefault("port", "0"), NumberStyles.None, CultureInfo.InvariantCulture),
            listen.Length == 0 ? IPAddress.IPv6Any : IPAddress.Parse(listen),
            p.GetValueOrDefault("disabled") == "yes",
            p.GetValueOrDefault("certificate") is { } c && c != "none" ? c : null,
            p.GetValueOrDefault("tls-version") == "only-1.2",
            p.GetValueOrDefault("address", ""));
    }

    public static IReadOnlyList<ServiceConfig> Load(IStore store) =>
        store.Read(r => r.Items(ServiceMenu.Path)).Select(From).ToArray();

    /// <summary>The <c>address</c> property: empty allows everyone, else a comma list of networks (CIDR or single addresses).</summary>
    public bool Allows(IPAddress? remote)
    {
        if (AllowedNetworks.Length == 0 || remote is null)
        {
            return AllowedNetworks.Length == 0;
        }

        IPAddress address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        foreach (string entry in AllowedNetworks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string text = entry.Contains('/', StringComparison.Ordinal) ? entry : entry + (entry.Contains(':', StringComparison.Ordinal) ? "/128" : "/32");
            if (IPNetwork.TryParse(text, out IPNetwork network) && network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}

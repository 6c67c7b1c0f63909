using System.Net;
using RosCert.Commands.Values;
using RosCert.Core.Errors;

namespace RosCert.Commands.Menus.Users;

/// <summary>
/// <c>/user address=</c>: the networks a user may log in from, a comma list of addresses or
/// prefixes (<c>192.168.88.0/24,::1</c>); empty allows every address.
/// </summary>
public sealed class AddressListType : Values.ValueType
{
    public static readonly AddressListType Instance = new();

    public override string Description => "IP address or prefix[,...]";

    public override RosValue Read(string argument, RosValue input)
    {
        string text = input is RosArray array ? string.Join(',', array.Elements.Select(e => e.Value.Text)) : input.Text;
        string[] entries = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string entry in entries)
        {
            if (!TryParse(entry, out _))
            {
                throw Errors.InvalidValue(argument, "expected IP address or prefix");
            }
        }

        return RosValue.Of(string.Join(',', entries));
    }

    /// <summary>Whether <paramref name="remote"/> is inside one of the networks of <paramref name="list"/> (empty: any).</summary>
    public static bool Allows(string? list, IPAddress remote)
    {
        string[] entries = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            return true;
        }

        IPAddress address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return entries.Any(e => TryParse(e, out IPNetwork network) && network.Contains(address));
    }

    private static bool TryParse(string entry, out IPNetwork network)
    {
        if (IPAddress.TryParse(entry, out IPAddress? single))
        {
            network = new IPNetwork(single, single.GetAddressBytes().Length * 8);
            return true;
        }

        return IPNetwork.TryParse(entry, out network);
    }
}

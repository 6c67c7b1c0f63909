using System.Net;
using System.Net.Sockets;

namespace RosCert.Core.Model;

public enum SanKind
{
    Dns,
    Ip,
    Email,
}

public sealed record SanEntry(SanKind Kind, string Value);

/// <summary>
/// The <c>subject-alt-name</c> syntax of RouterOS: a comma list of <c>DNS:&lt;name&gt;</c>,
/// <c>IP:&lt;address&gt;</c> and <c>email:&lt;address&gt;</c> (reference §2.1). Names are checked
/// as RFC 1123 host names (a leading <c>*.</c> wildcard allowed, RFC 6125 §6.4.3), addresses as
/// IPv4/IPv6, e-mail addresses as <c>local@domain</c> (RFC 5280 §4.2.1.6 rfc822Name).
/// </summary>
public static class SubjectAltNames
{
    public static bool TryParse(string text, out IReadOnlyList<SanEntry> entries, out string error)
    {
        var parsed = new List<SanEntry>();
        entries = parsed;
        error = "";
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = part.IndexOf(':', StringComparison.Ordinal);
            string prefix = colon < 0 ? "" : part[..colon];
            string value = colon < 0 ? part : part[(colon + 1)..];
            SanEntry? entry = prefix switch
            {
                "DNS" when IsDnsName(value) => new SanEntry(SanKind.Dns, value),
                "IP" when IPAddress.TryParse(value, out IPAddress? address) && IsPlainAddress(value, address) => new SanEntry(SanKind.Ip, value),
                "email" when IsEmail(value) => new SanEntry(SanKind.Email, value),
                _ => null,
            };
            if (entry is null)
            {
                error = prefix is "DNS" or "IP" or "email"
                    ? $"{part} is not a valid {prefix} entry"
                    : $"{part} does not start with DNS:, IP: or email:";
                return false;
            }

            parsed.Add(entry);
        }

        return true;
    }

    /// <summary>An RFC 1123 host name of up to 253 characters, labels of 1-63 letters, digits and hyphens.</summary>
    public static bool IsDnsName(string name)
    {
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        if (name.EndsWith('.'))
        {
            name = name[..^1];
        }

        if (name.Length is 0 or > 253)
        {
            return false;
        }

        foreach (string label in name.Split('.'))
        {
            bool valid = label.Length is > 0 and <= 63
                && label[0] != '-' && label[^1] != '-'
                && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>IPAddress.TryParse also takes forms like <c>10</c> or <c>1.2.3</c>; only dotted quads and IPv6 are addresses here.</summary>
    private static bool IsPlainAddress(string text, IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6
            ? text.Contains(':', StringComparison.Ordinal)
            : text.Split('.').Length == 4;

    private static bool IsEmail(string address)
    {
        int at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Length > 254)
        {
            return false;
        }

        string local = address[..at];
        bool localValid = local.Length <= 64 && local.All(c => c > ' ' && c < 127 && c is not ('(' or ')' or '<' or '>' or ',' or ';' or ':' or '\\' or '"' or '[' or ']' or '@'));
        return localValid && IsDnsName(address[(at + 1)..]);
    }
}

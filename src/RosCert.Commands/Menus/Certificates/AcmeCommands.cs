using RosCert.Commands.Catalogue;
using RosCert.Commands.Values;
using static RosCert.Commands.Standard.PrintCommand;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>The ACME client commands of <c>/certificate</c>: <c>enable-ssl-certificate</c>, <c>add-acme</c>, <c>acme-renew</c> (reference §2.13, §2.14).</summary>
public static class AcmeCommands
{
    public static IEnumerable<CommandDef> Build()
    {
        yield return new CommandDef("enable-ssl-certificate", "get a certificate for www-ssl from an ACME CA (Let's Encrypt)", Rights.Write, CommandKind.Unbound,
        [
            new("dns-name", StringType.Instance, "DNS name of this host") { Required = true },
            new("directory-url", StringType.Instance, "ACME directory (default Let's Encrypt)"),
            new("eab-kid", StringType.Instance, "external account binding key id"),
            new("eab-hmac-key", StringType.Instance, "external account binding HMAC key") { Sensitive = true },
            new("reset-private-key", BoolType.Instance, "make a new key instead of reusing the old one"),
            .. CertificateMenu.MonitorArguments(),
        ]);
        yield return new CommandDef("add-acme", "add an ACME-managed certificate", Rights.Write, CommandKind.Unbound,
        [
            new("domain-names", StringType.Instance, "domain names, comma separated") { Required = true },
            new("name", StringType.Instance, "name of the certificate (default: the first domain)"),
            new("directory-url", StringType.Instance, "ACME directory (default Let's Encrypt)"),
            new("eab-kid", StringType.Instance, "external account binding key id"),
            new("eab-key-b64", StringType.Instance, "external account binding HMAC key, base64") { Sensitive = true },
            Flag("as-value", "return the result as values"),
        ]);
        yield return new CommandDef("acme-renew", "renew ACME-managed certificates now", Rights.Write, CommandKind.Unbound,
            [new("numbers", ItemListType.Many, "certificates to renew") { Required = true, Position = 0 }]);
    }
}

using RosCert.Commands.Catalogue;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using static RosCert.Commands.Catalogue.PropertyAccess;
using static RosCert.Commands.Menus.Certificates.CertificateSubmenus;
using static RosCert.Commands.Standard.PrintCommand;

namespace RosCert.Commands.Menus.Certificates;

/// <summary><c>/certificate/scep-server</c> and its sub-menus (reference §2.17, §2.18).</summary>
public static class ScepServerMenus
{
    public static Menu Build()
    {
        var certificate = new ItemReferenceType(CertificateProperties.Menu, "none");
        PropertyDef[] properties =
        [
            new("ca-cert", certificate, ReadWrite, "CA that signs the requests") { Required = true },
            new("path", StringType.Instance, ReadWrite, "HTTP path, e.g. /scep/name") { Required = true },
            new("days-valid", new IntegerType(1, CertificateProperties.MaxDaysValid), ReadWrite, "validity of issued certificates") { Default = "365" },
            new("next-ca-cert", certificate, ReadWrite, "CA announced for roll-over") { Default = "none" },
            new("request-lifetime", Lifetime, ReadWrite, "how long a pending request is kept") { Default = "1d" },
            new("disabled", BoolType.Instance, ReadWrite, "do not serve") { Default = "no" },
            new("key-usage", CertificateProperties.KeyUsageType, ReadWrite, "RosCert extra: usages of issued certificates (never the CA usages)"),
            new("ra-cert", certificate, ReadWrite, "RosCert extra: RA certificate (with RSA key) that decrypts and signs SCEP messages instead of the CA"),
            new("rate-limit", new IntegerType(0, 1_000_000), ReadWrite, $"RosCert extra: SCEP requests per minute per client address (default {ScepServerSettingsReader.DefaultRateLimit}, 0 = no limit)"),
        ];
        var menu = new Menu("/certificate/scep-server", MenuKind.List, "SCEP servers")
        {
            Properties = properties,
            Flags = [new('X', "DISABLED", "disabled", 0)],
            BriefColumns = ["ca-cert", "path", "days-valid"],
            ItemNoun = "SCEP server",
            Items = RecordBackend.View,
        };
        var backend = new RecordBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: false));
        menu.Add(ListCommands.Changes(properties, backend, withUnset: false));
        menu.Add(ListCommands.EnableDisable(backend));
        menu.Add(ExportCommand.For(_ => []));
        return menu.Add(Otp()).Add(Ra()).Add(Requests());
    }

    private static Menu Otp()
    {
        PropertyDef[] properties =
        [
            new("password", StringType.Instance, ReadOnly, "one-time password") { Sensitive = true },
            Text("expires", "when the password expires"),
            new("used", BoolType.Instance, ReadOnly, "the password was used"),
        ];
        var menu = new Menu("/certificate/scep-server/otp", MenuKind.List, "one-time passwords of the SCEP servers")
        {
            Properties = properties,
            Flags = [new('E', "EXPIRED", "expired", 0)],
            BriefColumns = ["password", "expires", "used"],
            Items = ScepServerCommands.OtpView,
        };
        menu.Add(ListCommands.Queries(properties, sensitive: true).Where(c => c.Name != "edit"));
        menu.Add(ListCommands.Changes(properties, new RecordBackend(menu)).Where(c => c.Name == "remove"));
        return menu.Add(new CommandDef("generate", "make a one-time password", Rights.Write, CommandKind.Change,
            [new("minutes-valid", new IntegerType(1, 525_600), "minutes the password stays valid (default 60)"), Flag("as-value", "return the password as a value")])
        {
            Handler = ScepServerCommands.Generate,
        });
    }

    private static Menu Ra()
    {
        PropertyDef[] properties =
        [
            new("name", StringType.Instance, ReadWrite, "name of the registration authority") { Required = true },
            new("server-url", StringType.Instance, ReadWrite, "upstream SCEP server") { Required = true },
            new("template", new ItemReferenceType(CertificateProperties.Menu), ReadWrite, "template of the RA certificate") { Required = true },
            new("challenge-password", StringType.Instance, ReadWrite, "challenge password the RA enrols its own certificate with") { Sensitive = true },
            new("ca-identity", StringType.Instance, ReadWrite, "CA identity sent upstream"),
            new("fingerprint-algorithm", new EnumType("sha256", "sha1", "md5"), ReadWrite, "hash of the CA fingerprint") { Default = "sha256" },
            new("ra-path", StringType.Instance, ReadWrite, "HTTP path the RA serves"),
            new("ra-transaction-lifetime", Lifetime, ReadWrite, "how long a forwarded request is kept") { Default = "1d" },
            new("on-smart-card", BoolType.Instance, ReadWrite, "keep the key on a smart card (hardware only)"),
            new("disabled", BoolType.Instance, ReadWrite, "do not serve") { Default = "no" },
            Text("req-fingerprint", "fingerprint of the RA request"), Text("ca-fingerprint", "fingerprint of the upstream CA"),
            Text("status", "state of the RA"),
        ];
        var menu = new Menu("/certificate/scep-server/ra", MenuKind.List, "SCEP registration authorities")
        {
            Properties = properties,
            Flags = [new('X', "DISABLED", "disabled", 0), new('C', "SMART-CARD-KEY", "smart-card-key", 1)],
            BriefColumns = ["name", "server-url", "status"],
            ItemNoun = "RA",
            Items = ScepRaService.View,
        };
        menu.Add(ListCommands.Queries(properties, sensitive: true));
        menu.Add(ListCommands.Changes(properties, new ScepRaBackend(menu), withUnset: false));
        menu.Add(ListCommands.EnableDisable(new RecordBackend(menu)));
        menu.Add(ExportCommand.For(_ => []));
        return menu.Add(new CommandDef("renew", "renew the RA certificate", Rights.Write, CommandKind.Unbound,
            [new("numbers", ItemListType.Many, "RAs to renew") { Required = true, Position = 0 }])
        {
            Handler = ScepRaService.Renew,
        });
    }

    private static Menu Requests()
    {
        string[] names = ["authority", "status", "created", "transaction-id", "req-fingerprint", "country", "state", "locality",
            "organization", "unit", "common-name", "serial-number", "subject-alt-name"];
        PropertyDef[] properties = [.. names.Select(n => Text(n, n.Replace('-', ' ')))];
        var menu = new Menu("/certificate/scep-server/requests", MenuKind.List, "SCEP enrolment requests")
        {
            Properties = properties,
            BriefColumns = ["authority", "status", "common-name", "created"],
            Items = RecordBackend.View,
        };
        menu.Add(ListCommands.Queries(properties, sensitive: false).Where(c => c.Name != "edit"));
        menu.Add(ListCommands.Changes(properties, new RecordBackend(menu)).Where(c => c.Name == "remove"));
        return menu.Add(new CommandDef("grant", "issue the requested certificates", Rights.Write, CommandKind.Change,
            [new("numbers", ItemListType.Many, "requests to grant") { Required = true, Position = 0 }])
        {
            Handler = ScepServerCommands.Grant,
        });
    }
}

using RosCert.Commands.Catalogue;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using static RosCert.Commands.Catalogue.PropertyAccess;
using static RosCert.Commands.Standard.PrintCommand;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// The sub-menus of <c>/certificate</c> (reference §2.15–§2.19) with their 7.24 properties and
/// commands. Their configuration is kept by the generic record and settings commands; the engines
/// behind <c>download</c>, <c>generate</c>, <c>grant</c> and <c>renew</c> belong to later work.
/// </summary>
public static class CertificateSubmenus
{
    private static readonly string[] s_subjectParts = ["common-name", "organization", "unit", "locality", "state", "country", "subject-alt-name"];
    private static readonly DurationType s_lifetime = new(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(uint.MaxValue));

    public static IEnumerable<Menu> Build()
    {
        yield return Builtin();
        yield return Crl();
        yield return ScepServer();
        yield return Settings();
    }

    private static Menu Builtin()
    {
        PropertyDef[] properties =
        [
            .. s_subjectParts.Select(n => new PropertyDef(n, StringType.Instance, ReadOnly, "subject " + n)),
            Text("key-size", "key size"), Text("key-type", "key type"), Text("key-usage", "key usage"),
            Text("days-valid", "validity in days"), Text("issuer", "issuer"), Text("invalid-before", "start of validity"),
            Text("invalid-after", "end of validity"), new("serial-number", StringType.Instance, ReadOnly, "serial number"),
            new("akid", StringType.Instance, ReadOnly, "authority key identifier"), Text("skid", "subject key identifier"),
            Text("about", "notes"),
        ];
        var menu = new Menu("/certificate/builtin", MenuKind.List, "trust anchors of the system")
        {
            Properties = properties,
            BriefColumns = ["common-name", "organization", "skid"],
            Items = BuiltinView.All,
        };
        return menu.Add(ListCommands.Queries(properties, sensitive: false).Where(c => c.Name != "edit"));
    }

    private static Menu Crl()
    {
        PropertyDef[] properties =
        [
            new("url", StringType.Instance, ReadWrite, "URL the CRL is downloaded from") { Required = true },
            Text("cert", "certificate whose distribution point made this entry"),
            Text("trust-store", "services that may use the CRL"),
            new("num", BareTextType.Instance, ReadOnly, "CRL number") { RightAligned = true },
            new("revoked", BareTextType.Instance, ReadOnly, "number of revoked certificates") { RightAligned = true },
            Text("last-update", "thisUpdate of the CRL"), Text("next-update", "nextUpdate of the CRL"),
            Text("akid", "authority key identifier of the CRL"), Text("fingerprint", "SHA-256 of the CRL"),
            Text("signature", "signature of the CRL"),
        ];
        var menu = new Menu("/certificate/crl", MenuKind.List, "certificate revocation lists")
        {
            Properties = properties,
            Flags = [new('E', "EXPIRED", "expired", 0), new('D', "DYNAMIC", "dynamic", 1), new('I', "INVALID", "invalid", 2)],
            BriefColumns = ["cert", "last-update", "num", "revoked", "url"],
            ItemNoun = "CRL",
            Items = RecordBackend.View,
        };
        var backend = new RecordBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: false).Where(c => c.Name != "edit"));
        menu.Add(ListCommands.Changes(properties, backend, withUnset: false));
        menu.Add(ExportCommand.For(_ => []));
        menu.Add(
            new CommandDef("download", "download the CRLs now", Rights.Write, CommandKind.Unbound, []),
            new CommandDef("flush", "drop downloaded CRL data", Rights.Write, CommandKind.Change, []));
        return menu;
    }

    private static Menu ScepServer()
    {
        var certificate = new ItemReferenceType(CertificateProperties.Menu, "none");
        PropertyDef[] properties =
        [
            new("ca-cert", certificate, ReadWrite, "CA that signs the requests") { Required = true },
            new("path", StringType.Instance, ReadWrite, "HTTP path, e.g. /scep/name") { Required = true },
            new("days-valid", new IntegerType(1, CertificateProperties.MaxDaysValid), ReadWrite, "validity of issued certificates") { Default = "365" },
            new("next-ca-cert", certificate, ReadWrite, "CA announced for roll-over") { Default = "none" },
            new("request-lifetime", s_lifetime, ReadWrite, "how long a pending request is kept") { Default = "1d" },
            new("disabled", BoolType.Instance, ReadWrite, "do not serve") { Default = "no" },
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
            Items = RecordBackend.View,
        };
        menu.Add(ListCommands.Queries(properties, sensitive: false).Where(c => c.Name != "edit"));
        menu.Add(ListCommands.Changes(properties, new RecordBackend(menu)).Where(c => c.Name == "remove"));
        return menu.Add(new CommandDef("generate", "make a one-time password", Rights.Write, CommandKind.Change,
            [new("minutes-valid", new IntegerType(1, 525_600), "minutes the password stays valid"), Flag("as-value", "return the password as a value")]));
    }

    private static Menu Ra()
    {
        PropertyDef[] properties =
        [
            new("name", StringType.Instance, ReadWrite, "name of the registration authority") { Required = true },
            new("server-url", StringType.Instance, ReadWrite, "upstream SCEP server") { Required = true },
            new("template", new ItemReferenceType(CertificateProperties.Menu), ReadWrite, "template of the RA certificate") { Required = true },
            new("challenge-password", StringType.Instance, ReadWrite, "challenge password of the upstream server") { Sensitive = true },
            new("ca-identity", StringType.Instance, ReadWrite, "CA identity sent upstream"),
            new("fingerprint-algorithm", new EnumType("sha256", "sha1", "md5"), ReadWrite, "hash of the CA fingerprint") { Default = "sha256" },
            new("ra-path", StringType.Instance, ReadWrite, "HTTP path the RA serves"),
            new("ra-transaction-lifetime", s_lifetime, ReadWrite, "how long a forwarded request is kept") { Default = "1d" },
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
            Items = RecordBackend.View,
        };
        var backend = new RecordBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: true));
        menu.Add(ListCommands.Changes(properties, backend, withUnset: false));
        menu.Add(ListCommands.EnableDisable(backend));
        menu.Add(ExportCommand.For(_ => []));
        return menu.Add(new CommandDef("renew", "renew the RA certificate", Rights.Write, CommandKind.Unbound,
            [new("numbers", ItemListType.Many, "RAs to renew") { Required = true, Position = 0 }]));
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
            [new("numbers", ItemListType.Many, "requests to grant") { Required = true, Position = 0 }]));
    }

    private static Menu Settings()
    {
        string[] services = [.. TrustStores.Services];
        PropertyDef[] properties =
        [
            new("crl-download", BoolType.Instance, ReadWrite, "download CRLs of trusted certificates hourly") { Default = "no" },
            new("crl-use", BoolType.Instance, ReadWrite, "check CRLs when verifying chains") { Default = "no" },
            new("crl-store", new EnumType("ram", "system"), ReadWrite, "where downloaded CRLs are kept") { Default = "ram" },
            new("builtin-trust-store", new EnumSetType("BuiltinTrustStore", ["default", "all", "untrusted", .. services]), ReadWrite,
                "services that may use the built-in trust anchors") { Default = "default" },
            new("current-defaults", new EnumSetType("CurrentDefaults", services), ReadWrite, "what default means")
            {
                Default = "fetch,mqtt,email,netwatch,container,lora,dns,www,reverse-proxy",
            },
        ];
        var menu = new Menu("/certificate/settings", MenuKind.Settings, "certificate settings") { Properties = properties };
        return menu.Add(SettingsCommands.For(menu.Path, properties));
    }

    private static PropertyDef Text(string name, string help) => new(name, BareTextType.Instance, ReadOnly, help);
}

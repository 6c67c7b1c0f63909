using RosCert.Commands.Catalogue;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using RosCert.Core.Revocation;
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
    internal static readonly DurationType Lifetime = new(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(uint.MaxValue));

    public static IEnumerable<Menu> Build()
    {
        yield return Builtin();
        yield return CrlMenu.Build();
        yield return ScepServerMenus.Build();
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

    private static Menu Settings()
    {
        string[] services = [.. TrustStores.Services];
        PropertyDef[] properties =
        [
            new("crl-download", BoolType.Instance, ReadWrite, "download CRLs of trusted certificates hourly") { Default = "no" },
            new("crl-use", BoolType.Instance, ReadWrite, "check CRLs when verifying chains") { Default = "no" },
            new("crl-store", new EnumType("ram", "system"), ReadWrite, "where downloaded CRLs are kept") { Default = "ram" },
            new("crl-rate-limit", new IntegerType(0, 1_000_000), ReadWrite,
                "RosCert extra: CRL downloads a minute per client address from www /crl/ (0 = no limit)")
            {
                Default = CrlSettings.DefaultServeRateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
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

    internal static PropertyDef Text(string name, string help) => new(name, BareTextType.Instance, ReadOnly, help);
}

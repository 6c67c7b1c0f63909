using RosCert.Commands.Catalogue;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.Services;

/// <summary>
/// <c>/ip service</c> (reference §2.21, issue 5): the four services the daemon runs, with RouterOS
/// names, ports and properties, plus the RosCert extra <c>listen-address</c> (the address to bind,
/// e.g. 127.0.0.1; empty binds every address) and the read-only <c>status</c> the daemon reports.
/// Changes need the <c>full</c> right and apply without a restart.
/// </summary>
public static class ServiceMenu
{
    public const string Path = "/ip/service";

    /// <summary>The services and their RouterOS defaults: www and api on, the TLS ones off until they have a certificate.</summary>
    public static IReadOnlyList<ServiceDefault> Defaults { get; } =
    [
        new("www", 80, Tls: false, Disabled: false),
        new("www-ssl", 443, Tls: true, Disabled: true),
        new("api", 8728, Tls: false, Disabled: false),
        new("api-ssl", 8729, Tls: true, Disabled: true),
    ];

    public static Menu Build()
    {
        PropertyDef[] properties =
        [
            new("name", BareTextType.Instance, ReadOnly, "service"),
            new("port", new IntegerType(1, 65535), ReadWrite, "TCP port") { RightAligned = true },
            new("address", BareTextType.Instance, ReadWrite, "client networks allowed, comma separated (empty: any)") { Default = "" },
            new("certificate", new ItemReferenceType("/certificate", "none"), ReadWrite, "certificate of www-ssl and api-ssl, or none"),
            new("tls-version", new EnumType("any", "only-1.2"), ReadWrite, "any: TLS 1.2 and 1.3"),
            new("max-sessions", new IntegerType(1, 1000), ReadWrite, "most connections at once") { Default = "20" },
            new("vrf", new EnumType("main"), ReadWrite, "routing table (main only here)") { Default = "main" },
            new("available-from", BareTextType.Instance, ReadWrite, "where the service is offered (RouterOS 7.23; kept, not used)"),
            new("listen-address", BareTextType.Instance, ReadWrite, "RosCert extra: address to bind (empty: every address)") { Default = "" },
            new("disabled", BoolType.Instance, ReadWrite, "do not run"),
            new("status", BareTextType.Instance, ReadOnly, "what the daemon reports: running, or why not"),
        ];
        var menu = new Menu(Path, MenuKind.List, "network services")
        {
            Properties = properties,
            Flags = [new('X', "DISABLED", "disabled", 0)],
            BriefColumns = ["name", "port", "address", "certificate", "tls-version", "status"],
            ItemNoun = "service",
            Items = RecordBackend.View,
        };
        var backend = new RecordBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: false));
        menu.Add(ListCommands.Changes(properties, backend, Rights.Full).Where(c => c.Name is "set" or "reset"));
        menu.Add(ListCommands.EnableDisable(backend).Select(c => c with { Rights = Rights.Full }));
        menu.Add(ExportCommand.For(_ => []));
        return menu;
    }

    /// <summary>Stores the four services the first time a store is used (ids *1..*4); later calls only read.</summary>
    public static void Seed(IStore store)
    {
        if (store.Read(r => r.Items(Path).Count) > 0)
        {
            return;
        }

        store.Write(writer =>
        {
            if (writer.Items(Path).Count == 0)
            {
                foreach (ServiceDefault service in Defaults)
                {
                    writer.PutItem(new ItemRecord(Path, writer.AllocateId(Path), service.Name, service.Record()));
                }
            }

            return 0;
        });
    }
}

/// <summary>One service's defaults.</summary>
public sealed record ServiceDefault(string Name, int Port, bool Tls, bool Disabled)
{
    public Dictionary<string, string> Record()
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = Name,
            ["port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["address"] = "",
            ["max-sessions"] = "20",
            ["vrf"] = "main",
            ["listen-address"] = "",
            ["disabled"] = Disabled ? "yes" : "no",
        };
        if (Tls)
        {
            properties["certificate"] = "none";
            properties["tls-version"] = "any";
        }

        return properties;
    }
}

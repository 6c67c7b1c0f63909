using RosCert.Commands.Catalogue;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.Services;

/// <summary>
/// <c>/ip service webserver</c> (7.24 tree): which parts of the web service are served over plain
/// HTTP (www) and over HTTPS (www-ssl). RosCert serves REST, CRLs, SCEP and ACME challenges; it has
/// no WebFig, graphs or index page, so those stay off.
/// </summary>
public static class WebServerMenu
{
    public static Menu Build()
    {
        (string Name, bool On, string Help)[] switches =
        [
            ("acme-plain", true, "ACME http-01 challenges over www"),
            ("crl-plain", true, "CRL distribution over www"),
            ("graphs-plain", false, "graphs over www (not in RosCert)"),
            ("graphs-secure", false, "graphs over www-ssl (not in RosCert)"),
            ("index-plain", false, "index page over www (not in RosCert)"),
            ("index-secure", false, "index page over www-ssl (not in RosCert)"),
            ("rest-plain", true, "REST API over www"),
            ("rest-secure", true, "REST API over www-ssl"),
            ("scep-plain", true, "SCEP over www"),
            ("webfig-plain", false, "WebFig over www (not in RosCert)"),
            ("webfig-secure", false, "WebFig over www-ssl (not in RosCert)"),
        ];
        PropertyDef[] properties = [.. switches.Select(s => new PropertyDef(s.Name, BoolType.Instance, ReadWrite, s.Help) { Default = s.On ? "yes" : "no" })];
        var menu = new Menu(ServiceMenu.Path + "/webserver", MenuKind.Settings, "what the web service serves") { Properties = properties };
        return menu.Add(SettingsCommands.For(menu.Path, properties).Select(c => c with { Rights = c.Rights == Rights.Write ? Rights.Full : c.Rights }));
    }
}

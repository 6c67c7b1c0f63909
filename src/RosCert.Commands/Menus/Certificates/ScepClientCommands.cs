using RosCert.Commands.Catalogue;
using RosCert.Commands.Values;
using static RosCert.Commands.Standard.PrintCommand;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>The SCEP client commands of <c>/certificate</c>: <c>add-scep</c>, <c>scep-renew</c> (reference §2.11).</summary>
public static class ScepClientCommands
{
    public static IEnumerable<CommandDef> Build()
    {
        yield return new CommandDef("add-scep", "enrol a template with a SCEP server", Rights.Write, CommandKind.Unbound,
        [
            new("template", new ItemReferenceType(CertificateProperties.Menu), "template to enrol") { Required = true },
            new("scep-url", StringType.Instance, "SCEP server URL") { Required = true },
            new("name", StringType.Instance, "name of the certificate"),
            new("ca-identity", StringType.Instance, "CA identity sent to the server"),
            new("challenge-password", StringType.Instance, "challenge password or OTP") { Sensitive = true },
            new("on-smart-card", BoolType.Instance, "keep the key on a smart card") { HardwareOnly = true },
            new("refresh", BoolType.Instance, "re-enrol when the certificate expires"),
            Flag("as-value", "return the result as values"),
        ]);
        yield return new CommandDef("scep-renew", "renew SCEP certificates now", Rights.Write, CommandKind.Unbound,
            [new("numbers", ItemListType.Many, "certificates to renew") { Required = true, Position = 0 }]);
    }
}

using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;
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
            new("ca-fingerprint", StringType.Instance, "RosCert extra: SHA-256 of the CA certificate to trust for this enrolment"),
            Flag("as-value", "return the result as values"),
        ])
        {
            Handler = AddScep,
        };
        yield return new CommandDef("scep-renew", "renew SCEP certificates now", Rights.Write, CommandKind.Unbound,
            [new("numbers", ItemListType.Many, "certificates to renew") { Required = true, Position = 0 }])
        {
            Handler = Renew,
        };
    }

    /// <summary>
    /// Makes the template a SCEP-managed entry (same .id; <c>name=</c> renames it) and does the first
    /// round at once; the daemon carries on polling and renewing.
    /// </summary>
    private static CommandResult AddScep(Invocation invocation)
    {
        CommandEnvironment environment = invocation.Environment;
        string url = invocation.Text("scep-url")!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Errors.InvalidValue("scep-url", "expected http:// or https:// URL");
        }

        ItemId id = environment.Store.Write(writer =>
        {
            CertificateEntry template = writer.CertificateByName(invocation.Text("template")!) ?? throw Errors.InputDoesNotMatch("template");
            if (!template.IsTemplate || template.Management is not null)
            {
                throw Errors.Failure("template is a signed certificate already");
            }

            string name = invocation.Text("name") is { Length: > 0 } given ? given : template.Name;
            if (name != template.Name && writer.CertificateByName(name) is not null)
            {
                throw Errors.NameExists("certificate");
            }

            var state = new Dictionary<string, string>(StringComparer.Ordinal) { ["scep-url"] = url, ["status"] = "connecting" };
            Put(state, "ca-identity", invocation.Text("ca-identity"));
            Put(state, "trusted-fingerprint", invocation.Text("ca-fingerprint"));
            Put(state, "refresh", invocation.Argument("refresh") is RosBool { Value: true } ? "yes" : null);
            ScepEnrolment.Manage(writer, environment.Keys, template, name, state, invocation.Text("challenge-password"));
            return template.Id;
        });
        string status = ScepEnrolment.Step(environment, id, force: false);
        return invocation.Flag("as-value") ? new ValueResult(RosValue.Of(status)) : new RecordResult([new("status", RosValue.Of(status))]);
    }

    private static void Put(Dictionary<string, string> state, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            state[key] = value;
        }
    }

    /// <summary><c>scep-renew</c>: a renewal round now, whatever the validity left.</summary>
    private static CommandResult Renew(Invocation invocation)
    {
        foreach (ItemView target in invocation.Targets())
        {
            CertificateEntry entry = invocation.Environment.Store.Read(r => r.Certificate(target.Id!.Value)) ?? throw Errors.NoSuchItem();
            if (!ScepEnrolment.IsScep(entry))
            {
                throw Errors.Failure("certificate is not managed by SCEP");
            }

            ScepEnrolment.Step(invocation.Environment, entry.Id, force: true);
        }

        return CommandResult.None;
    }
}

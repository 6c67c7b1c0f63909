using RosCert.Acme.Client;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Menus.Certificates.AcmeManaged;
using RosCert.Commands.Menus.Services;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using static RosCert.Commands.Standard.PrintCommand;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>The ACME client commands of <c>/certificate</c>: <c>enable-ssl-certificate</c>, <c>add-acme</c>, <c>acme-renew</c> (reference §2.13, §2.14, §6.2).</summary>
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
        ])
        {
            Handler = EnableSslCertificate,
        };
        yield return new CommandDef("add-acme", "add an ACME-managed certificate", Rights.Write, CommandKind.Unbound,
        [
            new("domain-names", StringType.Instance, "domain names, comma separated") { Required = true },
            new("name", StringType.Instance, "name of the certificate (default: the first domain)"),
            new("directory-url", StringType.Instance, "ACME directory (default Let's Encrypt)"),
            new("eab-kid", StringType.Instance, "external account binding key id"),
            new("eab-key-b64", StringType.Instance, "external account binding HMAC key, base64") { Sensitive = true },
            Flag("as-value", "return the result as values"),
        ])
        {
            Handler = AddAcme,
        };
        yield return new CommandDef("acme-renew", "renew ACME-managed certificates now", Rights.Write, CommandKind.Unbound,
            [new("numbers", ItemListType.Many, "certificates to renew") { Required = true, Position = 0 }])
        {
            Handler = AcmeRenew,
        };
    }

    /// <summary>
    /// <c>enable-ssl-certificate dns-name=</c> (reference §2.13): renews the www-ssl ACME entry when
    /// there is one (its key reused unless <c>reset-private-key=yes</c>), else obtains a first one.
    /// </summary>
    private static CommandResult EnableSslCertificate(Invocation invocation)
    {
        string name = DomainNames(invocation.Text("dns-name")!, "dns-name").Single();
        string directory = Directory(invocation);
        EabCredentials? eab = Eab(invocation, "eab-hmac-key");
        CertificateEntry? current = invocation.Environment.Store.Read(WwwSslAcmeEntry);
        Management management = current?.Management is { } existing
            ? new AcmeSettings(existing.Properties).With((AcmeSettings.DirectoryUrl, directory), (AcmeSettings.DomainNames, name), (AcmeSettings.EabKid, eab?.KeyId))
            : AcmeSettings.New(directory, [name], eab?.KeyId, service: "www-ssl");
        bool reset = invocation.Argument("reset-private-key") is RosBool { Value: true };
        Action<string> progress = invocation.Session.Output.Progress;
        new AcmeService(invocation.Environment).Run(new AcmeJob(current, management, eab, reset), progress);
        const string success = "[success] ssl certificate updated";
        progress(success);
        return new RecordResult([new("progress", RosValue.Of(success))]);
    }

    /// <summary>
    /// <c>add-acme domain-names= [name=]</c> (reference §2.14): an entry flagged <c>a</c> that holds the
    /// certificate once issued; the first order runs now, and the daemon retries it after a failure.
    /// </summary>
    private static CommandResult AddAcme(Invocation invocation)
    {
        IReadOnlyList<string> names = DomainNames(invocation.Text("domain-names")!, "domain-names");
        string directory = Directory(invocation);
        EabCredentials? eab = Eab(invocation, "eab-key-b64");
        string name = invocation.Text("name") is { Length: > 0 } given ? given : names[0];
        SealedKey? sealedEab = eab is null ? null : invocation.Environment.Keys.Seal(eab.MacKey);
        CertificateEntry entry = invocation.Environment.Store.Write(writer =>
        {
            if (writer.CertificateByName(name) is not null)
            {
                throw Errors.NameExists("certificate");
            }

            var created = new CertificateEntry
            {
                Id = writer.AllocateId(CertificateProperties.Menu),
                Name = name,
                CommonName = names[0],
                SubjectAltName = string.Join(',', names.Select(n => "DNS:" + n)),
                KeySize = KeySize.Rsa2048,
                Management = AcmeSettings.New(directory, names, eab?.KeyId, service: null),
            };
            writer.Insert(created);
            if (sealedEab is not null)
            {
                writer.PutSecret(EabSecret(created.Id), sealedEab); // kept for retries until the account exists
            }

            return created;
        });
        new AcmeService(invocation.Environment).Run(new AcmeJob(entry, entry.Management!, eab, ResetKey: false), invocation.Session.Output.Progress);
        return new RecordResult([new("ret", RosValue.Of(entry.Id.ToString()))]);
    }

    /// <summary><c>acme-renew &lt;items&gt;</c> (reference §2.14, 7.24+): renews now, whatever the schedule says.</summary>
    private static CommandResult AcmeRenew(Invocation invocation)
    {
        IReadOnlyList<ItemView> targets = invocation.Targets();
        foreach (ItemView target in targets)
        {
            CertificateEntry entry = invocation.Environment.Store.Read(r => r.Certificate(target.Id!.Value)) ?? throw Errors.NoSuchItem();
            RenewEntry(invocation.Environment, entry, invocation.Session.Output.Progress);
        }

        return new RecordResult([]);
    }

    /// <summary>Renews one ACME entry (acme-renew and the daemon's runner).</summary>
    public static CertificateEntry RenewEntry(CommandEnvironment environment, CertificateEntry entry, Action<string> progress)
    {
        if (AcmeSettings.Of(entry) is not { } settings)
        {
            throw Errors.Failure($"{entry.Name} is not an ACME certificate");
        }

        EabCredentials? eab = settings.EabKeyId is { } kid && environment.Store.Read(r => r.Secret(EabSecret(entry.Id))) is { } mac
            ? new EabCredentials(kid, environment.Keys.Unseal(mac))
            : null;
        return new AcmeService(environment).Run(new AcmeJob(entry, entry.Management!, eab, ResetKey: false), progress);
    }

    /// <summary>The ACME entry www-ssl uses, or the newest entry made by enable-ssl-certificate.</summary>
    private static CertificateEntry? WwwSslAcmeEntry(Core.Ports.IStoreReader reader)
    {
        string? assigned = reader.Items(ServiceMenu.Path).FirstOrDefault(i => i.Name == "www-ssl")?.Properties.GetValueOrDefault("certificate");
        IEnumerable<CertificateEntry> candidates = reader.ManagedCertificates().Where(c => AcmeSettings.Of(c)?.ForWwwSsl == true && c.Der is not null);
        return candidates.FirstOrDefault(c => c.Name == assigned) ?? candidates.LastOrDefault();
    }

    public static string EabSecret(ItemId id) => "acme-eab-" + id.ToString();

    /// <summary>Host names only; wildcards need dns-01, which RosCert does not do yet.</summary>
    private static IReadOnlyList<string> DomainNames(string text, string argument)
    {
        string[] names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw Errors.InvalidValue(argument, "no domain name given");
        }

        foreach (string name in names)
        {
            if (name.StartsWith("*.", StringComparison.Ordinal))
            {
                throw Errors.Failure($"wildcard name {name} needs a dns-01 challenge, which is not supported; only http-01 names can be used");
            }

            if (!SubjectAltNames.IsDnsName(name) || !name.Contains('.', StringComparison.Ordinal) && name != "localhost")
            {
                throw Errors.InvalidValue(argument, $"{name} is not a DNS name");
            }
        }

        if (argument == "dns-name" && names.Length > 1)
        {
            throw Errors.InvalidValue(argument, "one name only; use add-acme for several");
        }

        return names.Select(n => n.ToLowerInvariant()).Distinct().ToArray();
    }

    private static string Directory(Invocation invocation)
    {
        string text = invocation.Text("directory-url") is { Length: > 0 } url ? url : AcmeSettings.LetsEncrypt;
        return Uri.TryCreate(text, UriKind.Absolute, out Uri? directory) && directory.Scheme is "https" or "http"
            ? directory.AbsoluteUri
            : throw Errors.InvalidValue("directory-url", "not an http or https URL");
    }

    private static EabCredentials? Eab(Invocation invocation, string keyArgument)
    {
        string? kid = invocation.Text("eab-kid") is { Length: > 0 } k ? k : null;
        string? key = invocation.Text(keyArgument) is { Length: > 0 } m ? m : null;
        if (kid is null && key is null)
        {
            return null;
        }

        if (kid is null || key is null)
        {
            throw Errors.Failure($"eab-kid and {keyArgument} go together");
        }

        return EabCredentials.Parse(kid, key) ?? throw Errors.InvalidValue(keyArgument, "not base64url or base64");
    }
}

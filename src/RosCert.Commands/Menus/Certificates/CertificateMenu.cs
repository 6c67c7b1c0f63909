using RosCert.Commands.Catalogue;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using static RosCert.Commands.Standard.PrintCommand;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>/certificate</c> with every command and argument of the RouterOS 7.24 tree (reference §0.1,
/// §2). Commands whose engines belong to later work have no handler yet and answer
/// <c>failure: not implemented yet</c>; smart-card commands answer <c>failure: not supported</c>.
/// </summary>
public static class CertificateMenu
{
    public static Menu Build()
    {
        var menu = new Menu(CertificateProperties.Menu, MenuKind.List, "certificates, templates and the local CA")
        {
            Properties = CertificateProperties.All,
            Flags = CertificateProperties.Flags,
            BriefColumns = CertificateProperties.BriefColumns,
            ItemNoun = "certificate",
            Items = CertificateView.All,
            Lookup = CertificateView.Find,
            Count = CertificateView.Count,
        };
        var backend = new TemplateBackend();
        menu.Add(ListCommands.Queries(CertificateProperties.All, sensitive: true,
            Flag("active", "only certificates in use: signed, neither expired nor revoked"),
            Flag("inactive", "only templates, expired and revoked certificates")));
        menu.Add(ListCommands.Changes(CertificateProperties.All, backend));
        menu.Add(ExportCommand.For(_ => []));
        menu.Add(EngineCommands());
        foreach (Menu child in CertificateSubmenus.Build())
        {
            menu.Add(child);
        }

        return menu;
    }

    private static IEnumerable<CommandDef> EngineCommands()
    {
        var certificate = new ItemReferenceType(CertificateProperties.Menu);
        yield return new CommandDef("sign", "sign a template: generate its key and certificate", Rights.Write, CommandKind.Unbound,
        [
            new("number", ItemListType.One, "template to sign") { Required = true, Position = 0 },
            new("ca", certificate, "CA that issues the certificate; none: self-signed"),
            new("name", StringType.Instance, "name of the signed certificate"),
            new("ca-crl-host", BareTextType.Instance, "hosts of the CRL distribution point put into certificates this CA issues"),
            new("ca-on-smart-card", BoolType.Instance, "keep the CA key on a smart card") { HardwareOnly = true },
            .. MonitorArguments(),
        ])
        {
            Handler = SignCommand.Run,
            ChecksOwnReferences = true,
        };
        yield return new CommandDef("create-certificate-request", "write a PKCS#10 request and its encrypted key into files", Rights.Write, CommandKind.Unbound,
        [
            new("template", certificate, "template the request is made from") { Required = true },
            new("key-passphrase", StringType.Instance, "passphrase that encrypts the key file") { Sensitive = true },
            new("challenge-passphrase", StringType.Instance, "challengePassword attribute of the request") { Sensitive = true },
            .. MonitorArguments(),
        ])
        {
            Handler = CreateRequestCommand.Run,
        };
        yield return new CommandDef("sign-certificate-request", "issue a certificate for a PKCS#10 request file", Rights.Write, CommandKind.Unbound,
        [
            new("file-name", FileNameType.Instance, "request file") { Required = true },
            new("ca", certificate, "CA that issues the certificate") { Required = true },
            new("days-valid", new IntegerType(1, CertificateProperties.MaxDaysValid), "validity in days"),
            new("digest-algorithm", new EnumType([.. DigestAlgorithms.Names]), "signature hash"),
            new("key-usage", CertificateProperties.KeyUsageType, "RosCert extra: usages of the certificate (default: the request's, without key-cert-sign and crl-sign)"),
            Flag("as-value", "return the result as values"),
        ])
        {
            Handler = SignRequestCommand.Run,
        };
        yield return new CommandDef("import", "import certificates and keys from a file", Rights.Write, CommandKind.Unbound,
        [
            new("file-name", FileNameType.Instance, "file to import") { Required = true },
            new("passphrase", StringType.Instance, "passphrase of encrypted keys or PKCS#12") { Sensitive = true },
            new("name", StringType.Instance, "name of the imported certificate (name_1, name_2 … for more)"),
            new("trusted", BoolType.Instance, "trust the imported certificates (default yes)"),
            new("trust-store", CertificateProperties.TrustStoreType, "services that may use them"),
            new("no-key-export", BoolType.Instance, "never export the imported keys"),
            Flag("as-value", "return the counters as values"),
        ])
        {
            Handler = ImportCommand.Run,
        };
        yield return new CommandDef("export-certificate", "write a certificate (and with a passphrase its key) into files", Rights.Read, CommandKind.Query,
        [
            new("numbers", ItemListType.One, "certificate to export") { Required = true, Position = 0 },
            new("type", new EnumType("pem", "pkcs12"), "pem or pkcs12"),
            new("export-passphrase", StringType.Instance, "passphrase that encrypts the exported key; none: no key") { Sensitive = true },
            new("file-name", StringType.Instance, "base name of the files (extension appended)"),
            new("include-chain", BoolType.Instance, "RosCert extra: add the issuing CAs up to the root, as VPN clients want"),
        ])
        {
            Handler = ExportCertificateCommand.Run,
        };
        yield return new CommandDef("issued-revoke", "revoke certificates issued by a local CA", Rights.Write, CommandKind.Unbound,
        [
            new("numbers", ItemListType.Many, "certificates to revoke") { Required = true, Position = 0 },
            new("reason", new EnumType([.. Core.Revocation.RevocationReasons.Names]), "RosCert extra: CRL reason code (default unspecified)"),
        ])
        {
            Handler = RevokeCommand.Run,
        };
        yield return VerifyCommand.Definition();
        foreach (CommandDef command in ScepClientCommands.Build().Concat(AcmeCommands.Build()))
        {
            yield return command;
        }

        foreach (string card in new[] { "card-verify", "card-reinstall" })
        {
            yield return new CommandDef(card, "smart card operation (hardware only)", Rights.Write, CommandKind.Unbound,
                [new("pin", new StringType(20), "smart card PIN") { Sensitive = true }, Flag("as-value", "return the result as values")])
            {
                HardwareOnly = true,
            };
        }
    }

    /// <summary>The generic arguments of monitor-style commands (sign, create-certificate-request, enable-ssl-certificate).</summary>
    public static IEnumerable<ArgumentDef> MonitorArguments() =>
    [
        Flag("append", "append output to the file"),
        Flag("as-value", "return the final state as values"),
        new("do", ScriptType.Instance, "script run on each update"),
        new("duration", new DurationType(TimeSpan.Zero, TimeSpan.MaxValue), "stop after this long"),
        new("file", StringType.Instance, "print into a file"),
        new("freeze-frame-interval", new DurationType(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30)), "screen refresh interval"),
        new("interval", new DurationType(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5)), "update interval"),
        Flag("once", "print the state once and return"),
        Flag("without-paging", "print everything at once"),
    ];
}

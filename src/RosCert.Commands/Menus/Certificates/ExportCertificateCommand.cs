using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Core.Errors;
using RosCert.Core.Export;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Requests;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>export-certificate &lt;cert&gt; [type=pem|pkcs12] [export-passphrase=] [file-name=] [include-chain=]</c>
/// (reference §2.8). Base name <c>cert_export_&lt;name&gt;</c> unless <c>file-name</c> is given;
/// the extension is appended. PEM writes <c>&lt;base&gt;.crt</c>, and with a passphrase and a key
/// also <c>&lt;base&gt;.key</c> (encrypted PKCS#8); PKCS#12 writes <c>&lt;base&gt;.p12</c> with the
/// key only when a passphrase is given. Without a passphrase no key ever leaves the store; a key
/// imported with <c>no-key-export</c> never does; exporting a key needs the <c>full</c> right.
/// The RosCert extra <c>include-chain=yes</c> adds the issuers up to the root.
/// </summary>
public static class ExportCertificateCommand
{
    public static CommandResult Run(Invocation invocation)
    {
        CertificateEntry entry = invocation.Reader.Certificate(invocation.Targets().Single().Id!.Value) ?? throw Errors.NoSuchItem();
        if (entry.IsTemplate)
        {
            throw Errors.Failure("a template has no certificate to export, sign it first");
        }

        string? passphrase = invocation.Text("export-passphrase") is { Length: > 0 } given ? given : null;
        byte[]? key = passphrase is null ? null : ExportableKey(invocation, entry);
        IReadOnlyList<byte[]> chain = invocation.Flag("include-chain") ? Chain(invocation.Reader, entry) : [entry.Der!];
        string baseName = invocation.Text("file-name") is { Length: > 0 } name ? name : "cert_export_" + entry.Name;
        IFilesArea files = invocation.Environment.Files;
        if (invocation.Text("type") == "pkcs12")
        {
            files.WriteAtomic(baseName + ".p12", Pkcs12Writer.Write(chain, key, passphrase, entry.Name));
            return CommandResult.None;
        }

        files.WriteAtomic(baseName + ".crt", Encoding.ASCII.GetBytes(PemExport.Certificates(chain)));
        if (key is not null)
        {
            files.WriteAtomic(baseName + ".key", Encoding.ASCII.GetBytes(PrivateKeys.ExportEncryptedPem(key, passphrase!)));
        }

        return CommandResult.None;
    }

    /// <summary>The key to export, or null when the certificate has none (then only the certificate goes).</summary>
    private static byte[]? ExportableKey(Invocation invocation, CertificateEntry entry)
    {
        if (entry.PrivateKey is null)
        {
            return null;
        }

        if (entry.NoKeyExport)
        {
            throw Errors.Failure("the private key of this certificate was imported with no-key-export and is never exported");
        }

        return invocation.Session.Rights >= Rights.Full ? invocation.Environment.Keys.Unseal(entry.PrivateKey) : throw Errors.NotPermitted();
    }

    /// <summary>The certificate, then each issuer found in the store (local CA, else by key identifier) up to a self-signed root.</summary>
    public static IReadOnlyList<byte[]> Chain(IStoreReader reader, CertificateEntry entry)
    {
        var chain = new List<byte[]> { entry.Der! };
        IReadOnlyList<CertificateEntry>? all = null;
        var seen = new HashSet<ItemId> { entry.Id };
        CertificateEntry current = entry;
        while (current.Akid is { Length: > 0 } akid && akid != current.Skid)
        {
            CertificateEntry? issuer = current.IssuedBy is { } id
                ? reader.Certificate(id)
                : (all ??= reader.Certificates()).FirstOrDefault(c => c.Skid == akid && !c.IsTemplate);
            if (issuer is null || !seen.Add(issuer.Id))
            {
                break;
            }

            chain.Add(issuer.Der!);
            current = issuer;
        }

        return chain;
    }
}

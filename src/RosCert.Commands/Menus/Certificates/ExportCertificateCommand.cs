using System.Security.Cryptography;
using System.Text;
using RosCert.Commands.Execution;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>export-certificate &lt;cert&gt; [type=pem|pkcs12] [export-passphrase=] [file-name=]</c>
/// (reference §2.8): writes <c>&lt;base&gt;.crt</c> into the files area, base name
/// <c>cert_export_&lt;name&gt;</c> unless <c>file-name</c> is given, extension appended. Without a
/// passphrase no key ever leaves the store.
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

        if (invocation.Text("type") == "pkcs12" || invocation.Has("export-passphrase"))
        {
            throw Errors.NotImplementedYet();
        }

        string baseName = invocation.Text("file-name") is { Length: > 0 } given ? given : "cert_export_" + entry.Name;
        invocation.Environment.Files.WriteAtomic(baseName + ".crt", Encoding.ASCII.GetBytes(Pem("CERTIFICATE", entry.Der!)));
        return CommandResult.None;
    }

    /// <summary>RFC 7468 text: 64-column base64 lines and a final newline.</summary>
    public static string Pem(string label, byte[] der) => new string(PemEncoding.Write(label, der)) + "\n";
}

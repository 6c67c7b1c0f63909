using System.Text;
using RosCert.Codecs.Pem;
using RosCert.Commands.Execution;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Requests;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>create-certificate-request template=&lt;t&gt; key-passphrase=&lt;p&gt; [challenge-passphrase=&lt;p&gt;]</c>
/// (reference §2.6): writes <c>certificate-request.pem</c> (PKCS#10, RFC 2986) and
/// <c>certificate-request_key.pem</c> (encrypted PKCS#8) into the files area, then removes the
/// template. The files are written before the template goes, so an interruption leaves the
/// template in place and the command can simply be run again. A private key is never written in
/// clear: without <c>key-passphrase</c> the command fails.
/// </summary>
public static class CreateRequestCommand
{
    public const string RequestFile = "certificate-request.pem";
    public const string KeyFile = "certificate-request_key.pem";

    public static CommandResult Run(Invocation invocation)
    {
        string passphrase = invocation.Text("key-passphrase") is { Length: > 0 } given
            ? given
            : throw Errors.Failure("key-passphrase is required: the private key is never written unencrypted");
        CertificateEntry template = Template(invocation);
        byte[] privateKey = KeyGeneration.Generate(invocation, template.KeySize).Pkcs8;
        byte[] request = Request(template, privateKey, invocation.Text("challenge-passphrase"));

        invocation.Environment.Files.WriteAtomic(RequestFile, Encoding.ASCII.GetBytes(PemFile.Write("CERTIFICATE REQUEST", request)));
        invocation.Environment.Files.WriteAtomic(KeyFile, Encoding.ASCII.GetBytes(PrivateKeys.ExportEncryptedPem(privateKey, passphrase)));
        invocation.Environment.Store.Write(writer =>
        {
            if (writer.Certificate(template.Id) == template)
            {
                writer.DeleteCertificate(template.Id);
            }

            return 0;
        });
        return new RecordResult([new("progress", RosValue.Of("done"))]);
    }

    private static CertificateEntry Template(Invocation invocation)
    {
        CertificateEntry template = invocation.Reader.CertificateByName(invocation.Text("template")!) ?? throw Errors.InputDoesNotMatch("template");
        if (!template.IsTemplate)
        {
            throw Errors.Failure("template is a signed certificate already");
        }

        if (template.DigestAlgorithm == DigestAlgorithm.Md5 && template.KeySize.Type == KeyType.Ec)
        {
            throw Errors.Failure(CertificateRequests.EcMd5Message);
        }

        return template;
    }

    private static byte[] Request(CertificateEntry template, byte[] privateKey, string? challenge)
    {
        return CertificateRequests.Create(
            DistinguishedNames.Build(TemplateFields.Subject(template)),
            TemplateFields.SubjectAltNames(template),
            template.KeyUsage,
            template.DigestAlgorithm,
            privateKey,
            challenge);
    }
}

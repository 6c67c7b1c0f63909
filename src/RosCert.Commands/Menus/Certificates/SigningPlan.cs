using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Core.Errors;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>What <c>sign</c> will do, checked before the key is generated: the template and, with
/// <c>ca=</c>, an issuing CA that can sign (reference §2.5; error texts in docs/decisions/0003).</summary>
internal sealed record SigningPlan(CertificateEntry Template, CertificateEntry? Authority)
{
    public static SigningPlan Prepare(Invocation invocation, IStoreReader reader)
    {
        Invocation snapshot = invocation.Reading(reader);
        CommandRunner.CheckReferences(snapshot); // sign ChecksOwnReferences: here, in the plan's snapshot
        ItemView target = snapshot.Targets("number").Single();
        CertificateEntry template = reader.Certificate(target.Id!.Value) ?? throw Errors.NoSuchItem();
        if (!template.IsTemplate)
        {
            throw Errors.Failure("certificate is already signed");
        }

        CertificateEntry? authority = invocation.Text("ca") is { } caName ? IssuingAuthority(invocation, reader, caName) : null;
        KeyType signingKey = (authority ?? template).KeySize.Type;
        if (template.DigestAlgorithm == DigestAlgorithm.Md5 && signingKey == KeyType.Ec)
        {
            throw Errors.Failure(Core.Signatures.SignatureAlgorithms.EcMd5Message);
        }

        return new SigningPlan(template, authority);
    }

    public IssuanceRequest Request(byte[] subjectPublicKeyInfo) =>
        new(TemplateFields.Subject(Template), TemplateFields.SubjectAltNames(Template), Template.KeyUsage, Template.DaysValid, Template.DigestAlgorithm, subjectPublicKeyInfo);

    private static CertificateEntry IssuingAuthority(Invocation invocation, IStoreReader reader, string name)
    {
        CertificateEntry ca = reader.CertificateByName(name) ?? throw Errors.InputDoesNotMatch("ca");
        CheckAuthority(invocation, ca);
        return ca;
    }

    /// <summary>A CA can sign when it is signed, holds its key, has key-cert-sign, is not revoked and not expired.</summary>
    public static void CheckAuthority(Invocation invocation, CertificateEntry ca)
    {
        string? problem = ca switch
        {
            { IsTemplate: true } => "CA certificate is not signed yet",
            { PrivateKey: null } => "CA certificate has no private key",
            _ when (ca.KeyUsage & KeyUsage.KeyCertSign) == 0 => "CA certificate has no key-cert-sign key usage",
            { Revoked: not null } => "CA certificate is revoked",
            _ when ca.InvalidAfter <= invocation.Now => "CA certificate has expired",
            _ => null,
        };
        if (problem is not null)
        {
            throw Errors.Failure(problem);
        }
    }
}

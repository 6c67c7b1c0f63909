using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>sign &lt;template&gt; [ca=] [name=] [ca-crl-host=]</c> (reference §2.5, §8): generates the key
/// outside any transaction (RSA-4096 and larger take seconds), then issues and stores the
/// certificate in one write transaction that first checks the template is still as it was, so a
/// signing that is interrupted or raced leaves nothing half made. The template becomes the
/// certificate in place (same <c>.id</c>).
/// </summary>
public static class SignCommand
{
    private const int SerialAttempts = 8;

    public static CommandResult Run(Invocation invocation)
    {
        SigningPlan plan = invocation.Environment.Store.Read(reader => SigningPlan.Prepare(invocation, reader));
        GeneratedKey key = KeyGeneration.Generate(invocation, plan.Template.KeySize);
        invocation.Session.Output.Progress("signing");
        CertificateEntry signed = invocation.Environment.Store.Write(writer => Store(invocation, writer, plan, key));
        Warn(invocation, plan, signed);
        if (CrlPublisher.Publishes(signed))
        {
            CrlPublisher.Rebuild(invocation.Environment, signed.Id); // an empty CRL exists as soon as a CA can sign
        }

        return new RecordResult([new("progress", RosValue.Of("done"))]);
    }

    private static CertificateEntry Store(Invocation invocation, IStoreWriter writer, SigningPlan plan, GeneratedKey key)
    {
        CertificateEntry template = writer.Certificate(plan.Template.Id) ?? throw Errors.NoSuchItem();
        if (template != plan.Template)
        {
            throw Errors.Failure("template changed while its key was generated, sign it again");
        }

        string name = invocation.Text("name") ?? template.Name;
        if (name != template.Name && writer.CertificateByName(name) is not null)
        {
            throw Errors.NameExists("certificate");
        }

        IssuanceRequest request = plan.Request(key.SubjectPublicKeyInfo) with { PublicKeyChecked = true };
        IssuedCertificate issued = plan.Authority is { } ca
            ? IssueUnder(invocation, writer, request, ca)
            : IssueWithSerial(invocation.Environment, writer, request, key.Pkcs8, authority: null);
        CertificateEntry signed = template.WithIssued(issued, plan.Authority?.Id, invocation.Environment.Keys.Seal(key.Pkcs8)) with
        {
            Name = name,
            CaCrlHost = invocation.Text("ca-crl-host") is { Length: > 0 } hosts ? hosts : null,
        };
        writer.Update(signed);
        invocation.RecordAudit(writer);
        return signed;
    }

    /// <summary>Issues a certificate for <paramref name="request"/> under a local CA (sign ca=, signed requests, SCEP).</summary>
    public static IssuedCertificate IssueUnder(Invocation invocation, IStoreReader reader, IssuanceRequest request, CertificateEntry ca) =>
        IssueUnder(invocation.Environment, reader, request, ca);

    /// <summary>The same for callers without a command (the SCEP endpoint).</summary>
    public static IssuedCertificate IssueUnder(CommandEnvironment environment, IStoreReader reader, IssuanceRequest request, CertificateEntry ca) =>
        IssueWithSerial(environment, reader, request, subjectPrivateKey: null, SigningAuthorityOf(environment, ca));

    /// <summary>Issues with a fresh serial until it is unused under the issuing key (RFC 5280 §4.1.2.2).</summary>
    private static IssuedCertificate IssueWithSerial(CommandEnvironment environment, IStoreReader reader, IssuanceRequest request, byte[]? subjectPrivateKey, SigningAuthority? authority)
    {
        var issuer = new CertificateIssuer(environment.Clock, environment.Serials);
        for (int attempt = 0; attempt < SerialAttempts; attempt++)
        {
            IssuedCertificate issued = IssueOrFail(issuer, request, subjectPrivateKey, authority);
            if (!reader.SerialInUse(issued.Akid, issued.SerialNumber))
            {
                return issued;
            }
        }

        throw Errors.Failure("no unused serial number found");
    }

    private static IssuedCertificate IssueOrFail(CertificateIssuer issuer, IssuanceRequest request, byte[]? subjectPrivateKey, SigningAuthority? authority)
    {
        try
        {
            return issuer.Issue(request, subjectPrivateKey, authority);
        }
        catch (System.Security.Cryptography.CryptographicException error)
        {
            throw Errors.Failure(error.Message);
        }
    }

    /// <summary>The CA's unsealed signing authority, kept per thread while the CA is the same entry
    /// (id, certificate, sealed key, crl hosts), so a script of many <c>sign ca=</c> unseals and
    /// prepares the CA key once (docs/performance.md step 4). The clear key stays in memory only and
    /// is zeroed when another CA replaces it.</summary>
    private static SigningAuthority SigningAuthorityOf(CommandEnvironment environment, CertificateEntry ca)
    {
        if (t_authority is { } cached && cached.Ca.Id == ca.Id && cached.Ca.CaCrlHost == ca.CaCrlHost
            && cached.Ca.PrivateKey!.Bytes.AsSpan().SequenceEqual(ca.PrivateKey!.Bytes)
            && cached.Ca.Der!.AsSpan().SequenceEqual(ca.Der) && cached.Keys == environment.Keys)
        {
            return cached.Authority;
        }

        byte[] key = environment.Keys.Unseal(ca.PrivateKey!);
        string[] hosts = (ca.CaCrlHost ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var authority = new SigningAuthority(ca.Der!, key, hosts);
        if (t_authority is { } replaced)
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(replaced.Authority.PrivateKeyPkcs8);
        }

        t_authority = new CachedAuthority(ca, environment.Keys, authority);
        return authority;
    }

    [ThreadStatic]
    private static CachedAuthority? t_authority;

    private sealed record CachedAuthority(CertificateEntry Ca, IKeyProtector Keys, SigningAuthority Authority);

    /// <summary>
    /// RouterOS's default key usage makes every certificate a CA; scripts rely on that default, so it
    /// stays, but a server or client certificate that is also a CA gets a warning, as does a leaf
    /// that outlives its CA.
    /// </summary>
    private static void Warn(Invocation invocation, SigningPlan plan, CertificateEntry signed)
    {
        const KeyUsage tls = KeyUsage.TlsServer | KeyUsage.TlsClient;
        if ((signed.KeyUsage & KeyUsage.KeyCertSign) != 0 && (signed.KeyUsage & tls) != 0)
        {
            invocation.Session.Output.Line("warning: key-usage has key-cert-sign, so this tls certificate is also a CA; browsers refuse CA certificates as server certificates");
        }

        if (plan.Authority?.InvalidAfter is { } caEnd && signed.InvalidAfter > caEnd)
        {
            invocation.Session.Output.Line($"warning: certificate is valid after its CA expires ({SystemSettings.FormatDate(caEnd, invocation.Zone)})");
        }
    }
}

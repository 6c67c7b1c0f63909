using System.Security.Cryptography;
using RosCert.Commands.Execution;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Requests;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>sign-certificate-request file-name=&lt;csr&gt; ca=&lt;CA&gt; [days-valid=] [digest-algorithm=] [key-usage=]</c>
/// (reference §2.7): verifies the request's own signature (md5 and sha1 requests included) and
/// issues a certificate without a private key (flag I) named by <see cref="CertificateNames"/>.
/// The request's SAN is kept; its key usages too, except key-cert-sign and crl-sign: a request
/// never makes itself a CA. The RosCert extra <c>key-usage=</c> lets the administrator choose,
/// sub-CA included.
/// </summary>
public static class SignRequestCommand
{
    /// <summary>Usages given when a request asks for none: RouterOS's default without the CA bits.</summary>
    public const KeyUsage DefaultLeafUsage = KeyUsages.Default & ~(KeyUsage.KeyCertSign | KeyUsage.CrlSign);

    public static CommandResult Run(Invocation invocation)
    {
        SigningRequest request = Load(invocation);
        string name = invocation.Environment.Store.Write(writer => Issue(invocation, writer, request));
        return new RecordResult([new("name", RosValue.Of(name))]);
    }

    private static SigningRequest Load(Invocation invocation)
    {
        byte[] bytes = invocation.Environment.Files.Read(invocation.Text("file-name")!, invocation.Session.LocalFileAccess);
        SigningRequest request;
        try
        {
            request = CertificateRequests.Load(bytes);
        }
        catch (Exception error) when (error is FormatException or CryptographicException)
        {
            throw Errors.Failure("file is not a certificate request: " + error.Message);
        }

        return request.SignatureValid ? request : throw Errors.Failure("certificate request signature does not verify");
    }

    private static string Issue(Invocation invocation, IStoreWriter writer, SigningRequest request)
    {
        CertificateEntry ca = writer.CertificateByName(invocation.Text("ca")!) ?? throw Errors.InputDoesNotMatch("ca");
        SigningPlan.CheckAuthority(invocation, ca);
        KeyUsage usage = Usage(invocation, request);
        int days = invocation.Argument("days-valid") is RosNumber n ? (int)n.Value : 365;
        DigestAlgorithm digest = DigestAlgorithms.TryParse(invocation.Text("digest-algorithm") ?? "sha256", out DigestAlgorithm d) ? d : DigestAlgorithm.Sha256;
        if (digest == DigestAlgorithm.Md5 && ca.KeySize.Type == KeyType.Ec)
        {
            throw Errors.Failure(CertificateRequests.EcMd5Message);
        }

        return IssueRequest(invocation.Environment, writer, request, ca, new RequestIssuance(days, digest, usage)).Name;
    }

    /// <summary>
    /// Issues a verified request under a local CA and stores the certificate without key (flag I),
    /// named by <see cref="CertificateNames"/>: shared by sign-certificate-request and the SCEP server.
    /// </summary>
    public static CertificateEntry IssueRequest(CommandEnvironment environment, IStoreWriter writer, SigningRequest request, CertificateEntry ca, RequestIssuance terms)
    {
        var subject = new SubjectFields(request.CommonName, request.Country, request.State, request.Locality, request.Organization, request.Unit);
        // A request whose signature verified has a public key that loads: the issuer need not load it again.
        var issuanceRequest = new IssuanceRequest(subject, request.SubjectAltNames, terms.KeyUsage, terms.DaysValid, terms.Digest, request.SubjectPublicKeyInfo)
        {
            PublicKeyChecked = request.SignatureValid,
        };
        IssuedCertificate issued = SignCommand.IssueUnder(environment, writer, issuanceRequest, ca);
        string name = CertificateNames.Unique(writer, request.CommonName);
        CertificateEntry entry = new CertificateEntry
        {
            Id = writer.AllocateId(CertificateProperties.Menu),
            Name = name,
            CommonName = request.CommonName,
            Country = request.Country,
            State = request.State,
            Locality = request.Locality,
            Organization = request.Organization,
            Unit = request.Unit,
            SubjectAltName = string.Join(',', request.SubjectAltNames.Select(SanText)),
            KeySize = CertificateFacts.KeySizeOf(issued.Der),
            DaysValid = terms.DaysValid,
            DigestAlgorithm = terms.Digest,
            KeyUsage = terms.KeyUsage,
        }.WithIssued(issued, ca.Id, privateKey: null);
        writer.Insert(entry);
        return entry;
    }

    private static KeyUsage Usage(Invocation invocation, SigningRequest request)
    {
        if (invocation.Text("key-usage") is { } chosen)
        {
            return chosen.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(KeyUsage.None, (usage, word) => KeyUsages.TryParseKeyword(word, out KeyUsage flag) ? usage | flag : usage);
        }

        KeyUsage requested = request.KeyUsage & ~(KeyUsage.KeyCertSign | KeyUsage.CrlSign);
        return requested == KeyUsage.None ? DefaultLeafUsage : requested;
    }

    /// <summary>A SAN entry as <c>subject-alt-name</c> prints it (reference §3.1).</summary>
    public static string SanText(SanEntry entry) => entry.Kind switch
    {
        SanKind.Dns => "DNS:" + entry.Value,
        SanKind.Ip => "IP:" + entry.Value,
        _ => "email:" + entry.Value,
    };
}

/// <summary>The terms of an issued request: validity, signature digest and key usages.</summary>
public sealed record RequestIssuance(int DaysValid, DigestAlgorithm Digest, KeyUsage KeyUsage);

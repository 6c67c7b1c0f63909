using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using RosCert.Scep.Wire;

namespace RosCert.Scep.Client;

/// <summary>
/// GetNextCACert (RFC 8894 §4.7): the CA that will follow the current one, in a certs-only
/// SignedData that the current CA signed. Only a signature by the CA the client already trusts
/// makes the next CA trusted, so the client can switch to it without asking its user again.
/// </summary>
public static class ScepNextCa
{
    /// <summary>Fetches and checks the next CA; throws <see cref="ScepException"/> when the answer is unusable.</summary>
    public static X509Certificate2 Fetch(ScepHttp http, string url, ScepServerView server)
    {
        ScepHttpReply reply = http.Get(url, "GetNextCACert");
        if (reply.StatusCode != 200 || reply.Body.Length == 0)
        {
            throw new ScepException($"GetNextCACert failed with HTTP {reply.StatusCode}");
        }

        return Read(reply.Body, server.Ca);
    }

    /// <summary>The next CA from a GetNextCACert body, which must be signed by <paramref name="current"/>.</summary>
    public static X509Certificate2 Read(byte[] body, X509Certificate2 current)
    {
        try
        {
            var cms = new SignedCms();
            cms.Decode(body);
            // Verify against the current CA only: certificates carried in the message are not trusted.
            foreach (X509Certificate2 carried in cms.Certificates)
            {
                cms.RemoveCertificate(carried);
            }

            if (cms.SignerInfos.Count != 1 || cms.ContentInfo.ContentType.Value != ScepOids.Data)
            {
                throw new ScepException("GetNextCACert is not signed data from the CA");
            }

            cms.SignerInfos[0].CheckSignature([current], verifySignatureOnly: true);
            X509Certificate2 next = CertsOnly.Read(cms.ContentInfo.Content).Certificates
                .Select(X509CertificateLoader.LoadCertificate)
                .FirstOrDefault(c => c.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
                ?? throw new ScepException("GetNextCACert carries no CA certificate");
            return next.RawData.AsSpan().SequenceEqual(current.RawData)
                ? throw new ScepException("GetNextCACert announces the current CA")
                : next;
        }
        catch (Exception error) when (error is CryptographicException or InvalidOperationException or ArgumentException)
        {
            throw new ScepException("GetNextCACert is not signed by the CA: " + error.Message, error);
        }
    }
}

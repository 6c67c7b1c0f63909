using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.Xml;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Scep.Wire;

namespace RosCert.Scep.Server;

/// <summary>
/// Which CA answers a PKIOperation (RFC 8894 §4.7): the server's <c>ca-cert</c>, or its
/// <c>next-ca-cert</c> when a client that fetched GetNextCACert already encrypts to the next CA.
/// </summary>
public static class ScepCaChoice
{
    public static string NameFor(IStoreReader reader, ScepServerSettings server, PkiMessage request)
    {
        if (server.NextCaCert is null || request.Envelope is null || reader.CertificateByName(server.NextCaCert)?.Der is not { } nextDer)
        {
            return server.CaCert;
        }

        return IsRecipient(request.Envelope, nextDer) ? server.NextCaCert : server.CaCert;
    }

    /// <summary>
    /// A renewal under the next CA may be signed by a certificate of the current CA: that is the
    /// roll-over itself.
    /// </summary>
    public static bool IssuedUnder(IStoreReader reader, ScepServerSettings server, CertificateEntry answering, CertificateEntry old) =>
        old.IssuedBy == answering.Id
        || (answering.Name == server.NextCaCert && reader.CertificateByName(server.CaCert) is { } current && old.IssuedBy == current.Id);

    private static bool IsRecipient(byte[] envelopeDer, byte[] caDer)
    {
        try
        {
            var envelope = new EnvelopedCms();
            envelope.Decode(envelopeDer);
            if (envelope.RecipientInfos.Count == 0 || envelope.RecipientInfos[0].RecipientIdentifier.Value is not X509IssuerSerial issuerSerial)
            {
                return false;
            }

            using X509Certificate2 ca = X509CertificateLoader.LoadCertificate(caDer);
            return issuerSerial.IssuerName == ca.Issuer && string.Equals(issuerSerial.SerialNumber, ca.SerialNumber, StringComparison.OrdinalIgnoreCase);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}

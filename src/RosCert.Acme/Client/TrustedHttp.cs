using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace RosCert.Acme.Client;

/// <summary>
/// The outbound HTTPS client of the ACME engine: the system's roots as usual, plus RosCert's own
/// trusted certificates (an imported private CA with <c>trusted=yes</c>) through a chain built with
/// a custom trust store, per connection, never a global switch. Host names are always checked.
/// </summary>
public static class TrustedHttp
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static HttpClient Create(Func<IReadOnlyList<byte[]>> trustAnchors)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,
            MaxResponseHeadersLength = 64, // KiB
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Validate(certificate, chain, errors, trustAnchors),
            },
        };
        return new HttpClient(handler) { Timeout = RequestTimeout };
    }

    /// <summary>Accepts what the system trusts, or a chain that ends in one of RosCert's trusted certificates.</summary>
    public static bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, Func<IReadOnlyList<byte[]>> trustAnchors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false; // a wrong name or no certificate is never forgiven
        }

        IReadOnlyList<byte[]> anchors = trustAnchors();
        if (anchors.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (byte[] der in anchors)
        {
            chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificate(der));
        }

        if (presented is not null)
        {
            foreach (X509ChainElement element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}

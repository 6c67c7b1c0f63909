using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using RosCert.Acme.Wire;

namespace RosCert.Acme.Client;

/// <summary>ACME Renewal Information (RFC 9773): the certificate identifier and the renewalInfo resource.</summary>
public static class RenewalInfo
{
    /// <summary>Six hours: the default polling interval without Retry-After (RFC 9773 §4.3).</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromHours(6);

    /// <summary>
    /// RFC 9773 §4.1: base64url(keyIdentifier of the Authority Key Identifier) "." base64url(DER
    /// content octets of the serial number). Null when the certificate has no AKI keyIdentifier.
    /// </summary>
    public static string? CertificateId(byte[] der)
    {
        using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
        X509AuthorityKeyIdentifierExtension? aki = certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault();
        if (aki?.KeyIdentifier is not { Length: > 0 } keyId)
        {
            return null;
        }

        return Base64UrlText.Encode(keyId.Span) + "." + Base64UrlText.Encode(certificate.SerialNumberBytes.Span);
    }

    /// <summary>The suggested window of a certificate; null when the directory has no renewalInfo.</summary>
    public static async Task<RenewalWindow?> FetchAsync(AcmeTransport transport, byte[] der, CancellationToken cancel)
    {
        AcmeDirectory directory = await transport.DirectoryAsync(cancel).ConfigureAwait(false);
        if (directory.RenewalInfo is not { } baseUrl || CertificateId(der) is not { } id)
        {
            return null;
        }

        var url = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + id);
        AcmeResponse response = await transport.GetAsync(url, cancel).ConfigureAwait(false);
        if (response.IsProblem)
        {
            throw new AcmeException("renewalInfo: " + response.Problem(), response.Problem());
        }

        using JsonDocument json = response.Json();
        JsonElement window = AcmeJson.Object(json.RootElement, "suggestedWindow") ?? throw new AcmeException("renewalInfo has no suggestedWindow");
        return new RenewalWindow(Instant(window, "start"), Instant(window, "end"), response.RetryAfter ?? DefaultRetryAfter);
    }

    private static DateTimeOffset Instant(JsonElement json, string name) =>
        DateTimeOffset.TryParse(AcmeJson.Required(json, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : throw new AcmeException($"renewalInfo {name} is not a date");
}

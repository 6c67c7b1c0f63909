using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Acme.Client;
using RosCert.Acme.Wire;
using RosCert.Commands.Execution;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Requests;

namespace RosCert.Commands.Menus.Certificates.AcmeManaged;

/// <summary>What to obtain: the names, where from, and the entry it renews (null: a first enable-ssl-certificate).</summary>
public sealed record AcmeJob(CertificateEntry? Entry, Management Management, EabCredentials? Eab, bool ResetKey);

/// <summary>
/// The one implementation of "get or renew an ACME certificate" that <c>enable-ssl-certificate</c>,
/// <c>add-acme</c>, <c>acme-renew</c> and the daemon's renewal runner share: key (reused unless
/// reset), CSR, the RFC 8555 flow, the ARI window of the new certificate, installation, and on
/// failure the error and backoff recorded on the entry (which keeps its old certificate).
/// </summary>
public sealed class AcmeService(CommandEnvironment environment)
{
    /// <summary>The longest an order may take from start to installed certificate.</summary>
    public static readonly TimeSpan OrderLimit = TimeSpan.FromMinutes(5);

    private HttpClient? _http;

    public CertificateEntry Run(AcmeJob job, Action<string> progress)
    {
        var settings = new AcmeSettings(job.Management.Properties);
        var directory = new Uri(settings.Directory);
        byte[] key = KeyFor(job, progress);
        try
        {
            using var limit = new CancellationTokenSource(OrderLimit);
            (AcmeCertificate certificate, RenewalWindow? window) = Task.Run(() => ObtainAsync(directory, settings, job, key, progress, limit.Token)).GetAwaiter().GetResult();
            DateTimeOffset now = environment.Clock.GetUtcNow();
            Management issued = settings.With(Schedule(certificate.Leaf, window, now).Append((AcmeSettings.Status, "valid")).ToArray());
            SealedKey sealedKey = environment.Keys.Seal(key);
            return environment.Store.Write(writer => AcmeEntries.Install(environment.Catalogue, writer, job.Entry, issued, certificate, sealedKey, now));
        }
        catch (AcmeException error)
        {
            RecordFailure(job.Entry, settings, error);
            throw Errors.Failure(error.Message);
        }
        catch (CryptographicException error)
        {
            var bad = new AcmeException("certificate from the server is unusable: " + error.Message);
            RecordFailure(job.Entry, settings, bad);
            throw Errors.Failure(bad.Message);
        }
        catch (OperationCanceledException)
        {
            var timeout = new AcmeException($"order did not complete in {OrderLimit.TotalMinutes} minutes");
            RecordFailure(job.Entry, settings, timeout);
            throw Errors.Failure(timeout.Message);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Asks renewalInfo again once <c>ari-check-at</c> passed (RFC 9773 §4.3: the CA may move the
    /// window, e.g. to renew early after an incident) and stores the new renewal time.
    /// </summary>
    public void RefreshRenewalWindow(CertificateEntry entry)
    {
        if (AcmeSettings.Of(entry) is not { } settings || entry.Der is not { } der)
        {
            return;
        }

        var transport = new AcmeTransport(Http(), new Uri(settings.Directory), environment.Clock);
        DateTimeOffset now = environment.Clock.GetUtcNow();
        (string, string?)[] changes;
        try
        {
            using var limit = new CancellationTokenSource(TrustedHttp.RequestTimeout * 2);
            RenewalWindow? window = Task.Run(() => RenewalInfo.FetchAsync(transport, der, limit.Token)).GetAwaiter().GetResult();
            changes = window is null
                ? [(AcmeSettings.AriCheckAt, null)]
                : [(AcmeSettings.RenewAt, AcmeSettings.Format(RenewalSchedule.InWindow(window, Random.Shared.NextDouble()))),
                   (AcmeSettings.AriCheckAt, AcmeSettings.Format(now + (window.RetryAfter ?? RenewalInfo.DefaultRetryAfter)))];
        }
        catch (Exception error) when (error is AcmeException or OperationCanceledException)
        {
            changes = [(AcmeSettings.AriCheckAt, AcmeSettings.Format(now + TimeSpan.FromHours(1)))];
        }

        environment.Store.Write(writer =>
        {
            if (writer.Certificate(entry.Id) is { } current && current.Fingerprint == entry.Fingerprint && AcmeSettings.Of(current) is { } latest)
            {
                writer.Update(current with { Management = latest.With(changes) });
            }

            return 0;
        });
    }

    private async Task<(AcmeCertificate, RenewalWindow?)> ObtainAsync(Uri directory, AcmeSettings settings, AcmeJob job, byte[] key, Action<string> progress, CancellationToken cancel)
    {
        var transport = new AcmeTransport(Http(), directory, environment.Clock);
        var responder = new StoredChallengeResponder(environment.Store, environment.ChallengeListener, progress);
        var client = new AcmeClient(transport, new AcmeAccounts(environment.Store, environment.Keys), responder, progress);
        string? replaces = job.Entry?.Der is { } old ? RenewalInfo.CertificateId(old) : null;
        AcmeCertificate certificate = await client.ObtainAsync(new AcmeOrderRequest(settings.Names, Csr(settings.Names, key), job.Eab, replaces), cancel).ConfigureAwait(false);
        RenewalWindow? window = null;
        try
        {
            window = await RenewalInfo.FetchAsync(transport, certificate.Leaf, cancel).ConfigureAwait(false);
        }
        catch (AcmeException error)
        {
            progress("no renewal information: " + error.Message); // 80% applies
        }

        return (certificate, window);
    }

    /// <summary>The entry's key unless reset (reference §2.13: reused on renewal), else a new RSA-2048 key.</summary>
    private byte[] KeyFor(AcmeJob job, Action<string> progress)
    {
        if (!job.ResetKey && job.Entry?.PrivateKey is { } sealedKey)
        {
            return environment.Keys.Unseal(sealedKey);
        }

        progress("generating rsa 2048 key");
        return (byte[])environment.KeySource.Generate(KeySize.Rsa2048).Clone(); // ours to wipe; a key source may cache

    }

    /// <summary>CN = the first name, every name as a DNS SAN (RFC 8555 §7.4: the CSR names the order's identifiers).</summary>
    private static byte[] Csr(IReadOnlyList<string> names, byte[] key) =>
        CertificateRequests.Create(
            new X500DistinguishedName("CN=" + names[0]),
            [.. names.Select(n => new SanEntry(SanKind.Dns, n))],
            KeyUsage.None,
            DigestAlgorithm.Sha256,
            key,
            challengePassword: null);

    /// <summary>ARI window when the CA gives one (a random time in it), else 80% of the validity.</summary>
    private static IEnumerable<(string, string?)> Schedule(byte[] leaf, RenewalWindow? window, DateTimeOffset now)
    {
        var facts = Core.Issuance.CertificateFacts.Describe(leaf);
        DateTimeOffset renewAt = window is null
            ? RenewalSchedule.EightyPercent(facts.InvalidBefore, facts.InvalidAfter)
            : RenewalSchedule.InWindow(window, Random.Shared.NextDouble());
        yield return (AcmeSettings.RenewAt, AcmeSettings.Format(renewAt));
        yield return (AcmeSettings.AriCheckAt, window is null ? null : AcmeSettings.Format(now + (window.RetryAfter ?? RenewalInfo.DefaultRetryAfter)));
        yield return (AcmeSettings.RetryAt, null);
        yield return (AcmeSettings.Failures, null);
    }

    private void RecordFailure(CertificateEntry? entry, AcmeSettings settings, AcmeException error)
    {
        if (entry is null)
        {
            return; // a first enable-ssl-certificate leaves nothing behind
        }

        int failures = settings.FailureCount + 1;
        DateTimeOffset retryAt = environment.Clock.GetUtcNow() + AcmeSchedule.Backoff(failures, error.RetryAfter);
        environment.Store.Write(writer =>
        {
            if (writer.Certificate(entry.Id) is { } current && AcmeSettings.Of(current) is { } now)
            {
                writer.Update(current with
                {
                    Management = now.With(
                        (AcmeSettings.Status, "error: " + error.Message),
                        (AcmeSettings.Failures, failures.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        (AcmeSettings.RetryAt, AcmeSettings.Format(retryAt))),
                });
            }

            return 0;
        });
    }

    private HttpClient Http()
    {
        if (environment.OutboundHttp is { } http)
        {
            return http;
        }

        return _http ??= TrustedHttp.Create(() => TrustAnchors(environment.Store));
    }

    /// <summary>RosCert's trusted certificates that may verify outbound TLS (trust-store all or fetch).</summary>
    public static IReadOnlyList<byte[]> TrustAnchors(Core.Ports.IStore store) =>
        store.Read(r => r.Certificates()
            .Where(c => c.Der is not null && c.EffectiveTrusted && (c.TrustStore == TrustStores.All || c.TrustStore.Split(',').Contains("fetch")))
            .Select(c => c.Der!)
            .ToArray());
}

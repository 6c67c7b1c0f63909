using System.Text.Json;
using RosCert.Acme.Wire;

namespace RosCert.Acme.Client;

/// <summary>
/// Obtains a certificate by the RFC 8555 §7 flow: account, newOrder, authorizations with http-01
/// challenges, finalize with the CSR, polling with Retry-After, certificate download (with
/// alternate chains). Reports each step through <paramref name="progress"/>.
/// </summary>
public sealed class AcmeClient(AcmeTransport transport, AcmeAccounts accounts, IChallengeResponder responder, Action<string> progress)
{
    /// <summary>How long validation and issuance may take before the order is given up.</summary>
    public static readonly TimeSpan PollLimit = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan s_defaultPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxPoll = TimeSpan.FromSeconds(10);

    public async Task<AcmeCertificate> ObtainAsync(AcmeOrderRequest request, CancellationToken cancel)
    {
        progress("connecting to " + transport.DirectoryUrl.Host);
        AcmeDirectory directory = await transport.DirectoryAsync(cancel).ConfigureAwait(false);
        progress("registering account");
        AcmeAccount account = await accounts.EnsureAsync(transport, request.Eab, cancel).ConfigureAwait(false);
        using (account.Key)
        {
            progress("ordering certificate for " + string.Join(",", request.Names));
            AcmeOrder order = await NewOrderAsync(directory, account, request, cancel).ConfigureAwait(false);
            await AuthorizeAsync(account, order, cancel).ConfigureAwait(false);
            progress("finalizing order");
            order = await FinalizeAsync(account, order, request.Csr, cancel).ConfigureAwait(false);
            progress("downloading certificate");
            return await DownloadAsync(account, order.Certificate!, cancel).ConfigureAwait(false);
        }
    }

    private async Task<AcmeOrder> NewOrderAsync(AcmeDirectory directory, AcmeAccount account, AcmeOrderRequest request, CancellationToken cancel)
    {
        string? replaces = directory.RenewalInfo is null ? null : request.Replaces; // nothing ARI without renewalInfo
        AcmeResponse response;
        try
        {
            response = await transport.PostAsync(directory.NewOrder, OrderPayload(request.Names, replaces), account.Key, account.Url, cancel).ConfigureAwait(false);
        }
        catch (AcmeException error) when (replaces is not null && error.Problem?.Known?.Name == "alreadyReplaced")
        {
            // RFC 9773 §5: the server may refuse replaces; a plain order still renews.
            response = await transport.PostAsync(directory.NewOrder, OrderPayload(request.Names, null), account.Key, account.Url, cancel).ConfigureAwait(false);
        }

        Uri url = response.Location ?? throw new AcmeException("newOrder response has no Location");
        using JsonDocument json = response.Json();
        return AcmeOrder.Parse(json.RootElement, url, response.Status);
    }

    private static byte[] OrderPayload(IReadOnlyList<string> names, string? replaces) => AcmeJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("identifiers");
        foreach (string name in names)
        {
            w.WriteStartObject();
            w.WriteString("type", "dns");
            w.WriteString("value", name);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (replaces is not null)
        {
            w.WriteString("replaces", replaces);
        }

        w.WriteEndObject();
    });

    /// <summary>Answers every pending authorization by http-01 (RFC 8555 §7.5, §8.3), then waits for each to be valid.</summary>
    private async Task AuthorizeAsync(AcmeAccount account, AcmeOrder order, CancellationToken cancel)
    {
        var pending = new List<(AcmeAuthorization Authorization, AcmeChallenge Challenge)>();
        foreach (Uri url in order.Authorizations)
        {
            AcmeAuthorization authorization = await GetAuthorizationAsync(account, url, cancel).ConfigureAwait(false);
            if (authorization.Status == "valid")
            {
                continue;
            }

            if (authorization.Status != "pending")
            {
                throw new AcmeException($"authorization for {authorization.Identifier} is {authorization.Status}");
            }

            AcmeChallenge challenge = authorization.Challenges.FirstOrDefault(c => c.Type == "http-01")
                ?? throw new AcmeException($"server offers no http-01 challenge for {authorization.Identifier}");
            if (!challenge.HasValidToken)
            {
                throw new AcmeException($"server sent an unusable http-01 token for {authorization.Identifier}");
            }

            pending.Add((authorization, challenge));
        }

        if (pending.Count == 0)
        {
            return;
        }

        Http01Token[] tokens = [.. pending.Select(p => new Http01Token(p.Challenge.Token!, Jwk.KeyAuthorization(p.Challenge.Token!, account.Key)))];
        IAsyncDisposable published = await responder.PublishAsync(tokens, cancel).ConfigureAwait(false);
        await using (published.ConfigureAwait(false))
        {
            foreach ((AcmeAuthorization authorization, AcmeChallenge challenge) in pending)
            {
                progress("validating " + authorization.Identifier);
                await transport.PostAsync(challenge.Url, "{}"u8.ToArray(), account.Key, account.Url, cancel).ConfigureAwait(false);
            }

            foreach ((AcmeAuthorization authorization, _) in pending)
            {
                await WaitValidAsync(account, authorization, cancel).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitValidAsync(AcmeAccount account, AcmeAuthorization first, CancellationToken cancel)
    {
        DateTimeOffset deadline = transport.Clock.GetUtcNow() + PollLimit;
        AcmeAuthorization authorization = first;
        while (true)
        {
            (authorization, TimeSpan? retryAfter) = await GetAuthorizationWithRetryAsync(account, authorization.Url, cancel).ConfigureAwait(false);
            switch (authorization.Status)
            {
                case "valid":
                    return;
                case "pending":
                    await PauseAsync(retryAfter, deadline, $"validation of {authorization.Identifier}", cancel).ConfigureAwait(false);
                    continue;
                default:
                    AcmeProblem? error = authorization.Challenges.FirstOrDefault(c => c.Error is not null)?.Error;
                    throw new AcmeException($"validation of {authorization.Identifier} failed: {error?.ToString() ?? authorization.Status}", error);
            }
        }
    }

    private async Task<AcmeOrder> FinalizeAsync(AcmeAccount account, AcmeOrder order, byte[] csr, CancellationToken cancel)
    {
        DateTimeOffset deadline = transport.Clock.GetUtcNow() + PollLimit;
        TimeSpan? retryAfter = null;
        while (order.Status == "pending")
        {
            await PauseAsync(retryAfter, deadline, "the order", cancel).ConfigureAwait(false);
            (order, retryAfter) = await GetOrderAsync(account, order.Url, cancel).ConfigureAwait(false);
        }

        if (order.Status == "ready")
        {
            byte[] payload = AcmeJson.Write(w => { w.WriteStartObject(); w.WriteString("csr", Base64UrlText.Encode(csr)); w.WriteEndObject(); });
            AcmeResponse response = await transport.PostAsync(order.Finalize, payload, account.Key, account.Url, cancel).ConfigureAwait(false);
            using JsonDocument json = response.Json();
            order = AcmeOrder.Parse(json.RootElement, order.Url, response.Status);
            retryAfter = response.RetryAfter;
        }

        while (order.Status == "processing")
        {
            await PauseAsync(retryAfter, deadline, "issuance", cancel).ConfigureAwait(false);
            (order, retryAfter) = await GetOrderAsync(account, order.Url, cancel).ConfigureAwait(false);
        }

        return order.Status == "valid" && order.Certificate is not null
            ? order
            : throw new AcmeException($"order is {order.Status}" + (order.Error is { } e ? ": " + e : ""), order.Error);
    }

    private async Task<AcmeCertificate> DownloadAsync(AcmeAccount account, Uri url, CancellationToken cancel)
    {
        const string pemChain = "application/pem-certificate-chain";
        AcmeResponse response = await transport.PostAsync(url, null, account.Key, account.Url, cancel, AcmeTransport.MaxChainBytes, pemChain).ConfigureAwait(false);
        var alternates = new List<IReadOnlyList<byte[]>>();
        foreach (Uri alternate in response.Alternates.Take(4))
        {
            AcmeResponse other = await transport.PostAsync(alternate, null, account.Key, account.Url, cancel, AcmeTransport.MaxChainBytes, pemChain).ConfigureAwait(false);
            alternates.Add(AcmeCertificate.ParseChain(other.Body));
        }

        return new AcmeCertificate(AcmeCertificate.ParseChain(response.Body), alternates, url);
    }

    private async Task<AcmeAuthorization> GetAuthorizationAsync(AcmeAccount account, Uri url, CancellationToken cancel) =>
        (await GetAuthorizationWithRetryAsync(account, url, cancel).ConfigureAwait(false)).Authorization;

    private async Task<(AcmeAuthorization Authorization, TimeSpan? RetryAfter)> GetAuthorizationWithRetryAsync(AcmeAccount account, Uri url, CancellationToken cancel)
    {
        AcmeResponse response = await transport.PostAsync(url, null, account.Key, account.Url, cancel).ConfigureAwait(false);
        using JsonDocument json = response.Json();
        return (AcmeAuthorization.Parse(json.RootElement, url, response.Status), response.RetryAfter);
    }

    private async Task<(AcmeOrder Order, TimeSpan? RetryAfter)> GetOrderAsync(AcmeAccount account, Uri url, CancellationToken cancel)
    {
        AcmeResponse response = await transport.PostAsync(url, null, account.Key, account.Url, cancel).ConfigureAwait(false);
        using JsonDocument json = response.Json();
        return (AcmeOrder.Parse(json.RootElement, url, response.Status), response.RetryAfter);
    }

    /// <summary>Waits Retry-After (RFC 8555 §7.5.1), bounded to 1..10 s, and gives up at the deadline.</summary>
    private async Task PauseAsync(TimeSpan? retryAfter, DateTimeOffset deadline, string what, CancellationToken cancel)
    {
        TimeSpan delay = retryAfter is { } r ? TimeSpan.FromTicks(Math.Clamp(r.Ticks, s_defaultPoll.Ticks, s_maxPoll.Ticks)) : s_defaultPoll;
        if (transport.Clock.GetUtcNow() + delay > deadline)
        {
            throw new AcmeException($"{what} did not complete in {PollLimit.TotalMinutes} minutes");
        }

        await Task.Delay(delay, transport.Clock, cancel).ConfigureAwait(false);
    }
}

using System.Globalization;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Requests;
using RosCert.Scep.Server;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>The engines behind <c>/certificate/scep-server/otp generate</c> and <c>requests grant</c> (reference §2.17).</summary>
public static class ScepServerCommands
{
    /// <summary><c>generate [minutes-valid=60]</c>: stores and prints a new one-time password.</summary>
    public static CommandResult Generate(Invocation invocation)
    {
        long minutes = invocation.Argument("minutes-valid") is RosNumber n ? n.Value : 60;
        string password = ScepOtps.Generate(invocation.Writer, invocation.Now, TimeSpan.FromMinutes(minutes));
        return invocation.Flag("as-value")
            ? new ValueResult(RosValue.Of(password))
            : new RecordResult([new("password", RosValue.Of(password))]);
    }

    /// <summary>The OTP list with flag E computed from the clock: an OTP expires by itself.</summary>
    public static IReadOnlyList<ItemView> OtpView(Invocation invocation) =>
        invocation.Reader.Items(ScepStoreNames.OtpMenu).Select(record => new ItemViewBuilder()
            .Add("password", record.Properties.GetValueOrDefault("password"))
            .Add("expires", record.Properties.GetValueOrDefault("expires"))
            .Add("used", RosValue.Of(record.Properties.GetValueOrDefault("used") == "yes"))
            .Flag('E', ScepOtps.IsExpired(record, invocation.Now))
            .Build(record.Id)).ToArray();

    /// <summary><c>grant numbers=</c>: issues pending requests; the client collects them with its next poll.</summary>
    public static CommandResult Grant(Invocation invocation)
    {
        foreach (ItemView target in invocation.Targets())
        {
            ItemRecord request = invocation.Writer.Items(ScepStoreNames.RequestMenu).FirstOrDefault(r => r.Id == target.Id)
                ?? throw Errors.NoSuchItem();
            // Before the server lookup: a forwarding RA's transactions (decision 0060) have no local server.
            if (request.Properties.GetValueOrDefault("status") != ScepStoreNames.Pending)
            {
                throw Errors.Failure("request is not pending");
            }

            ScepServerSettings server = ServerOf(invocation.Writer, request);

            if (ScepRequestQueue.IsExpired(request, server, invocation.Now))
            {
                ScepRequestQueue.With(invocation.Writer, request, ScepStoreNames.Failed);
                throw Errors.Failure("request has expired");
            }

            ScepRequestQueue.Grant(invocation.Writer, request, server, new ScepIssuance(invocation.Environment));
        }

        return CommandResult.None;
    }

    private static ScepServerSettings ServerOf(IStoreReader reader, ItemRecord request) =>
        reader.Items(ScepStoreNames.ServerMenu).FirstOrDefault(s => s.Id.Value.ToString(CultureInfo.InvariantCulture) == ScepRequestQueue.ServerIdOf(request)) is { } server
            ? ScepServerSettingsReader.From(server)
            : throw Errors.Failure("the SCEP server of this request was removed");
}

/// <summary>Issues SCEP requests with the shared request-issuing code (<see cref="SignRequestCommand.IssueRequest"/>).</summary>
public sealed class ScepIssuance(CommandEnvironment environment) : IScepIssuer
{
    public CertificateEntry Issue(IStoreWriter writer, CertificateEntry ca, ScepServerSettings server, SigningRequest request)
    {
        // End-entity profile: the CA usages are never granted, whatever the request or the server say.
        KeyUsage chosen = server.KeyUsage ?? request.KeyUsage;
        KeyUsage usage = chosen & ~(KeyUsage.KeyCertSign | KeyUsage.CrlSign);
        if (usage == KeyUsage.None)
        {
            usage = SignRequestCommand.DefaultLeafUsage;
        }

        return SignRequestCommand.IssueRequest(environment, writer, request, ca, new RequestIssuance(server.DaysValid, DigestAlgorithm.Sha256, usage));
    }
}

/// <summary>Reads a stored <c>/certificate/scep-server</c> item into the engine's settings.</summary>
public static class ScepServerSettingsReader
{
    public const int DefaultRateLimit = 120;

    public static ScepServerSettings From(ItemRecord item)
    {
        IReadOnlyDictionary<string, string> p = item.Properties;
        string? next = p.GetValueOrDefault("next-ca-cert") is { Length: > 0 } n && n != "none" ? n : null;
        int days = int.TryParse(p.GetValueOrDefault("days-valid"), CultureInfo.InvariantCulture, out int d) ? d : 365;
        TimeSpan lifetime = Durations.TryParse(p.GetValueOrDefault("request-lifetime") ?? "1d", out TimeSpan l) ? l : TimeSpan.FromDays(1);
        KeyUsage? usage = p.GetValueOrDefault("key-usage") is { } words
            ? words.Split(',', StringSplitOptions.RemoveEmptyEntries).Aggregate(KeyUsage.None, (u, w) => KeyUsages.TryParseKeyword(w, out KeyUsage f) ? u | f : u)
            : null;
        int rate = int.TryParse(p.GetValueOrDefault("rate-limit"), CultureInfo.InvariantCulture, out int r) ? r : DefaultRateLimit;
        string? ra = p.GetValueOrDefault("ra-cert") is { Length: > 0 } a && a != "none" ? a : null;
        return new ScepServerSettings(item.Id, p.GetValueOrDefault("path") ?? "", p.GetValueOrDefault("ca-cert") ?? "", next, days, lifetime, usage, rate) { RaCert = ra };
    }

    /// <summary>The enabled servers.</summary>
    public static IReadOnlyList<ScepServerSettings> Enabled(IStoreReader reader) =>
        [.. reader.Items(ScepStoreNames.ServerMenu).Where(i => i.Properties.GetValueOrDefault("disabled") != "yes").Select(From)];
}

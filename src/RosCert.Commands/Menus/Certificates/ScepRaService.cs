using System.Security.Cryptography.X509Certificates;
using System.Text;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Scep.Client;
using RosCert.Scep.Forwarding;
using RosCert.Scep.Wire;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// The forwarding RA <c>/certificate/scep-server/ra</c> over the store (reference §2.17, §6.1,
/// decision 0060): what the upstream server offers (kept on the RA item, refreshed by the daemon and
/// by <c>renew</c>), the RA's own certificate (the <c>template</c> entry, enrolled and renewed by the
/// SCEP client of <see cref="ScepEnrolment"/>), the printed view and the <c>renew</c> command.
/// </summary>
public static class ScepRaService
{
    public const string Menu = "/certificate/scep-server/ra";

    // Hidden item properties: the upstream's GetCACaps and GetCACert, and the last upstream error.
    private const string UpstreamCaps = "upstream-caps";
    private const string UpstreamCerts = "upstream-certs";
    private const string UpstreamError = "upstream-error";

    /// <summary>Makes the HTTP client towards the upstream server: 20 s per call; tests may shorten it.</summary>
    public static Func<ScepHttp> Http { get; set; } = () => new ScepHttp(timeout: TimeSpan.FromSeconds(20));

    public static string ChallengeSecret(ItemId id) => $"scep-ra-challenge:{id.Value}";

    public static ScepRaSettings SettingsOf(ItemRecord item)
    {
        IReadOnlyDictionary<string, string> p = item.Properties;
        TimeSpan lifetime = Durations.TryParse(p.GetValueOrDefault("ra-transaction-lifetime") ?? "1d", out TimeSpan l) ? l : TimeSpan.FromDays(1);
        string? path = p.GetValueOrDefault("ra-path") is { Length: > 0 } given ? given : null;
        return new ScepRaSettings(item.Id, p.GetValueOrDefault("name") ?? "", p.GetValueOrDefault("server-url") ?? "", path, lifetime);
    }

    /// <summary>The enabled RAs that serve an <c>ra-path</c>.</summary>
    public static IReadOnlyList<ScepRaSettings> Serving(IStoreReader reader) =>
        [.. reader.Items(Menu).Where(i => i.Properties.GetValueOrDefault("disabled") != "yes").Select(SettingsOf).Where(s => s.RaPath is not null)];

    /// <summary>Fetches GetCACaps and GetCACert from <c>server-url</c> and keeps them on the RA; returns the error, if any.</summary>
    public static string? Refresh(CommandEnvironment environment, ItemId id)
    {
        string url = environment.Store.Read(r => r.Items(Menu).FirstOrDefault(i => i.Id == id))?.Properties.GetValueOrDefault("server-url") ?? "";
        string? caIdentity = environment.Store.Read(r => r.Items(Menu).FirstOrDefault(i => i.Id == id))?.Properties.GetValueOrDefault("ca-identity");
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            using ScepHttp http = Http();
            ScepServerView view = ScepServerView.Fetch(http, url, caIdentity);
            found[UpstreamCaps] = string.Join(',', view.Capabilities);
            found[UpstreamCerts] = string.Join(',', view.Certificates.Select(c => Convert.ToBase64String(c.RawData)));
            found[UpstreamError] = null;
        }
        catch (ScepException error)
        {
            found[UpstreamError] = error.Message;
        }

        environment.Store.Write(w =>
        {
            if (w.Items(Menu).FirstOrDefault(i => i.Id == id) is { } item)
            {
                var properties = new Dictionary<string, string>(item.Properties, StringComparer.Ordinal);
                foreach ((string key, string? value) in found)
                {
                    if (value is null)
                    {
                        properties.Remove(key);
                    }
                    else
                    {
                        properties[key] = value;
                    }
                }

                w.PutItem(item with { Properties = properties });
            }

            return 0;
        });
        return found[UpstreamError];
    }

    /// <summary>
    /// The RA ready to forward, or the reason it cannot (HTTP status and text): its certificate must
    /// be enrolled and the upstream known (fetched now when it is not).
    /// </summary>
    public static (ScepRaContext? Context, int Status, string Reason) Context(CommandEnvironment environment, ScepRaSettings settings)
    {
        if (Upstream(environment, settings.Id) is null)
        {
            Refresh(environment, settings.Id);
        }

        ScepServerView? upstream = Upstream(environment, settings.Id);
        if (upstream is null)
        {
            string error = environment.Store.Read(r => r.Items(Menu).FirstOrDefault(i => i.Id == settings.Id))?.Properties.GetValueOrDefault(UpstreamError) ?? "unknown";
            return (null, 502, "upstream SCEP server: " + error);
        }

        CertificateEntry? certificate = environment.Store.Read(r => CertificateOf(r, settings.Id));
        if (certificate?.Der is null || certificate.PrivateKey is null || certificate.KeySize.Type != KeyType.Rsa)
        {
            return (null, 503, "the RA certificate is not enrolled yet");
        }

        return (new ScepRaContext(settings, ScepEnrolment.CurrentWithKey(environment, certificate), upstream), 200, "");
    }

    private static ScepServerView? Upstream(CommandEnvironment environment, ItemId id)
    {
        IReadOnlyDictionary<string, string>? p = environment.Store.Read(r => r.Items(Menu).FirstOrDefault(i => i.Id == id))?.Properties;
        if (p?.GetValueOrDefault(UpstreamCerts) is not { Length: > 0 } certificates)
        {
            return null;
        }

        var capabilities = new HashSet<string>((p.GetValueOrDefault(UpstreamCaps) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        return ScepServerView.Of(capabilities, [.. certificates.Split(',').Select(c => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c)))]);
    }

    /// <summary>The RA's certificate entry: its <c>template</c>, made SCEP-managed by the RA.</summary>
    public static CertificateEntry? CertificateOf(IStoreReader reader, ItemId id) =>
        reader.Items(Menu).FirstOrDefault(i => i.Id == id)?.Properties.GetValueOrDefault("template") is { } name ? reader.CertificateByName(name) : null;

    /// <summary><c>print</c>: the stored settings plus the challenge (sealed) and the derived status and fingerprints.</summary>
    public static IReadOnlyList<ItemView> View(Invocation invocation) =>
        invocation.Reader.Items(Menu).Select(record => ViewOf(invocation, record)).ToArray();

    private static ItemView ViewOf(Invocation invocation, ItemRecord record)
    {
        IReadOnlyDictionary<string, string> p = record.Properties;
        CertificateEntry? certificate = CertificateOf(invocation.Reader, record.Id);
        IReadOnlyDictionary<string, string>? state = certificate?.Management?.Properties;
        string? challenge = invocation.Reader.Secret(ChallengeSecret(record.Id)) is { } sealedChallenge
            ? Encoding.UTF8.GetString(invocation.Environment.Keys.Unseal(sealedChallenge))
            : null;
        var builder = new ItemViewBuilder()
            .Add("name", p.GetValueOrDefault("name"))
            .Add("server-url", p.GetValueOrDefault("server-url"))
            .Add("template", p.GetValueOrDefault("template"))
            .Add("challenge-password", challenge)
            .Add("ca-identity", p.GetValueOrDefault("ca-identity"))
            .Add("fingerprint-algorithm", p.GetValueOrDefault("fingerprint-algorithm"))
            .Add("ra-path", p.GetValueOrDefault("ra-path"))
            .Add("ra-transaction-lifetime", p.GetValueOrDefault("ra-transaction-lifetime"))
            .Add("on-smart-card", p.TryGetValue("on-smart-card", out string? card) ? RosValue.Of(card == "yes") : null)
            .Add("disabled", RosValue.Of(p.GetValueOrDefault("disabled") == "yes"))
            .Add("req-fingerprint", state?.GetValueOrDefault("req-fingerprint"))
            .Add("ca-fingerprint", UpstreamCa(p) is { } ca ? ScepFingerprint.Of(p.GetValueOrDefault("fingerprint-algorithm"), ca) : null)
            .Add("status", StatusOf(p, certificate))
            .Flag('X', p.GetValueOrDefault("disabled") == "yes")
            .Flag('C', p.GetValueOrDefault("on-smart-card") == "yes");
        return builder.Build(record.Id);
    }

    /// <summary>
    /// <c>status</c>: the RA certificate's enrolment status until it is issued (<c>connecting</c>,
    /// <c>waiting for trust in CA …</c>, <c>pending</c>, <c>error: …</c>), then <c>idle</c>, or the
    /// upstream's error when the last refresh failed.
    /// </summary>
    private static string StatusOf(IReadOnlyDictionary<string, string> p, CertificateEntry? certificate)
    {
        if (certificate is null)
        {
            return "error: template is missing";
        }

        string status = certificate.Management?.Properties.GetValueOrDefault("status") ?? "connecting";
        if (status != "issued")
        {
            return status;
        }

        return p.GetValueOrDefault(UpstreamError) is { } error ? "error: " + error : "idle";
    }

    private static byte[]? UpstreamCa(IReadOnlyDictionary<string, string> p)
    {
        foreach (string encoded in (p.GetValueOrDefault(UpstreamCerts) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            byte[] der = Convert.FromBase64String(encoded);
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
            if (ScepServerView.IsAuthority(certificate))
            {
                return der;
            }
        }

        return null;
    }

    /// <summary><c>renew numbers=</c>: refreshes the upstream and runs the RA certificate's enrolment or renewal now.</summary>
    public static CommandResult Renew(Invocation invocation)
    {
        foreach (ItemView target in invocation.Targets())
        {
            ItemId id = target.Id ?? throw Errors.NoSuchItem();
            Refresh(invocation.Environment, id);
            CertificateEntry certificate = invocation.Environment.Store.Read(r => CertificateOf(r, id)) ?? throw Errors.Failure("template is missing");
            ScepEnrolment.Step(invocation.Environment, certificate.Id, force: true);
        }

        return CommandResult.None;
    }

    /// <summary>The daemon's round: refreshes every enabled RA's view of its upstream.</summary>
    public static void RefreshAll(CommandEnvironment environment, Action<string> warn)
    {
        foreach (ItemRecord item in environment.Store.Read(r => r.Items(Menu).Where(i => i.Properties.GetValueOrDefault("disabled") != "yes").ToArray()))
        {
            if (Refresh(environment, item.Id) is { } error)
            {
                warn($"{item.Name}: upstream SCEP server: {error}");
            }
        }
    }
}

using System.Globalization;
using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Scep.Forwarding;
using RosCert.Scep.Server;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>add</c>/<c>set</c>/<c>unset</c>/<c>reset</c>/<c>remove</c> of <c>/certificate/scep-server/ra</c>
/// (decision 0060): the generic record commands, then the RA's checks (a bad value fails the whole
/// command, so the store stays unchanged) and the hand-over of <c>template</c> to the SCEP client,
/// which enrols and renews the RA certificate at <c>server-url</c> with <c>challenge-password</c>.
/// The challenge is kept sealed, never in the item.
/// </summary>
internal sealed class ScepRaBackend(Menu menu) : IListBackend
{
    private const string Challenge = "challenge-password";
    private readonly RecordBackend _records = new(menu);

    public ItemId Add(Invocation invocation)
    {
        ItemId id = _records.Add(WithoutChallenge(invocation));
        Apply(invocation, id);
        return id;
    }

    public void Set(Invocation invocation, ItemView target)
    {
        _records.Set(WithoutChallenge(invocation), target);
        Apply(invocation, target.Id!.Value);
    }

    public void Unset(Invocation invocation, ItemView target, IReadOnlyList<string> properties)
    {
        _records.Unset(invocation, target, [.. properties.Where(p => p != Challenge)]);
        if (properties.Contains(Challenge))
        {
            invocation.Writer.DeleteSecret(ScepRaService.ChallengeSecret(target.Id!.Value));
        }

        Apply(invocation, target.Id!.Value);
    }

    public void Reset(Invocation invocation, ItemView target)
    {
        _records.Reset(WithoutChallenge(invocation), target);
        Apply(invocation, target.Id!.Value);
    }

    public void Remove(Invocation invocation, IReadOnlyList<ItemView> targets)
    {
        _records.Remove(invocation, targets);
        foreach (ItemView target in targets)
        {
            invocation.Writer.DeleteSecret(ScepRaService.ChallengeSecret(target.Id!.Value));
        }
    }

    private static Invocation WithoutChallenge(Invocation invocation) =>
        new(invocation.Session, invocation.Menu, invocation.Command,
            invocation.Arguments.Where(a => a.Key != Challenge).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
            invocation.Reader, invocation.Writer);

    private void Apply(Invocation invocation, ItemId id)
    {
        IStoreWriter writer = invocation.Writer;
        ItemRecord record = writer.Items(menu.Path).First(i => i.Id == id);
        IReadOnlyDictionary<string, string> p = record.Properties;
        Check(writer, record);
        if (invocation.Text(Challenge) is { } challenge)
        {
            if (challenge.Length == 0)
            {
                writer.DeleteSecret(ScepRaService.ChallengeSecret(id));
            }
            else
            {
                writer.PutSecret(ScepRaService.ChallengeSecret(id), invocation.Environment.Keys.Seal(Encoding.UTF8.GetBytes(challenge)));
            }
        }

        CertificateEntry certificate = writer.CertificateByName(p["template"]) ?? throw Errors.InputDoesNotMatch("template");
        string owner = id.Value.ToString(CultureInfo.InvariantCulture);
        bool ours = certificate.Management is { Kind: ScepEnrolment.Kind } managed && managed.Properties.GetValueOrDefault("ra") == owner;
        if (!ours && (!certificate.IsTemplate || certificate.Management is not null))
        {
            throw Errors.Failure("template is a signed certificate already");
        }

        if (certificate.KeySize.Type != KeyType.Rsa)
        {
            throw Errors.Failure("the RA certificate needs an RSA key to decrypt SCEP messages");
        }

        var state = ours
            ? new Dictionary<string, string>(certificate.Management!.Properties, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = "connecting" };
        state["scep-url"] = p["server-url"];
        state["ra"] = owner;
        state[ScepFingerprint.AlgorithmProperty] = p.GetValueOrDefault(ScepFingerprint.AlgorithmProperty) ?? "sha256";
        Put(state, "ca-identity", p.GetValueOrDefault("ca-identity"));
        string? sealedChallenge = writer.Secret(ScepRaService.ChallengeSecret(id)) is { } secret ? Encoding.UTF8.GetString(invocation.Environment.Keys.Unseal(secret)) : null;
        if (sealedChallenge is null)
        {
            writer.DeleteSecret(ScepEnrolment.ChallengeSecret(certificate.Id));
        }

        ScepEnrolment.Manage(writer, invocation.Environment.Keys, certificate, certificate.Name, state, sealedChallenge);
    }

    /// <summary>The values the generic types cannot check (reference §2.17; decision 0060).</summary>
    private static void Check(IStoreReader reader, ItemRecord record)
    {
        IReadOnlyDictionary<string, string> p = record.Properties;
        string url = p.GetValueOrDefault("server-url") ?? "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Errors.InvalidValue("server-url", "expected http:// or https:// URL");
        }

        if (p.GetValueOrDefault("on-smart-card") == "yes")
        {
            throw Errors.NotSupported();
        }

        if (p.GetValueOrDefault("ra-path") is not { } path)
        {
            return;
        }

        string trimmed = path.TrimEnd('/');
        if (!path.StartsWith('/') || trimmed.Length == 0 || path.Contains('?', StringComparison.Ordinal))
        {
            throw Errors.InvalidValue("ra-path", "expected a path such as /scep/ra");
        }

        bool taken = reader.Items(ScepStoreNames.ServerMenu).Any(s => s.Properties.GetValueOrDefault("path")?.TrimEnd('/') == trimmed)
            || reader.Items(ScepRaService.Menu).Any(r => r.Id != record.Id && r.Properties.GetValueOrDefault("ra-path")?.TrimEnd('/') == trimmed);
        if (taken)
        {
            throw Errors.Failure("ra-path is used by another SCEP server");
        }
    }

    private static void Put(Dictionary<string, string> state, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            state.Remove(key);
        }
        else
        {
            state[key] = value;
        }
    }
}

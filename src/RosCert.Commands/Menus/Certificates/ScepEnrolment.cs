using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RosCert.Commands.Execution;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Core.Requests;
using RosCert.Scep.Client;
using RosCert.Scep.Forwarding;
using RosCert.Scep.Wire;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// The SCEP client of an <c>add-scep</c> entry (reference §2.11, §2.18, §6.1; RFC 8894 §2–§4): one
/// <see cref="Step"/> enrols, polls while pending, or renews in place at 3/4 of the validity with a
/// RenewalReq signed by the current certificate. The state lives on the entry's
/// <see cref="Management"/> (kind <c>scep</c>); the new key and the challenge are sealed secrets.
/// The challenge goes only to a CA already trusted in the store or whose fingerprint was given.
/// </summary>
public static class ScepEnrolment
{
    public const string Kind = "scep";

    /// <summary>Makes the HTTP client; tests may point it elsewhere.</summary>
    public static Func<ScepHttp> Http { get; set; } = () => new ScepHttp();

    public static string KeySecret(ItemId id) => $"scep-key:{id.Value}";

    public static string ChallengeSecret(ItemId id) => $"scep-challenge:{id.Value}";

    public static bool IsScep(CertificateEntry entry) => entry.Management?.Kind == Kind;

    /// <summary>Whether the entry has work to do now (without touching the network).</summary>
    public static bool Due(CertificateEntry entry, DateTimeOffset now)
    {
        string status = entry.Management?.Properties.GetValueOrDefault("status") ?? "";
        if (entry.IsTemplate)
        {
            return !status.StartsWith("failed", StringComparison.Ordinal);
        }

        if (status == "pending")
        {
            return true;
        }

        if (entry.InvalidBefore is not { } start || entry.InvalidAfter is not { } end)
        {
            return false;
        }

        bool renewal = now >= start + ((end - start) * 3 / 4);
        bool refresh = entry.Management?.Properties.GetValueOrDefault("refresh") == "yes" && now >= end;
        return renewal || refresh;
    }

    /// <summary>Runs every SCEP entry that is due (the daemon calls this on its tick).</summary>
    public static void RunDue(CommandEnvironment environment)
    {
        DateTimeOffset now = environment.Clock.GetUtcNow();
        foreach (CertificateEntry entry in environment.Store.Read(r => r.ManagedCertificates().Where(IsScep).ToArray()))
        {
            if (Due(entry, now))
            {
                Step(environment, entry.Id, force: false);
            }
        }
    }

    /// <summary>One round with the server; returns the new status text.</summary>
    public static string Step(CommandEnvironment environment, ItemId id, bool force)
    {
        CertificateEntry entry = environment.Store.Read(r => r.Certificate(id)) ?? throw new InvalidOperationException("no such item");
        IReadOnlyDictionary<string, string> state = entry.Management!.Properties;
        try
        {
            using ScepHttp http = Http();
            ScepServerView server = ScepServerView.Fetch(http, state["scep-url"], state.GetValueOrDefault("ca-identity"));
            if (!Trusted(environment, server, state))
            {
                return Save(environment, id, s => s["ca-fingerprint"] = server.CaFingerprint, $"waiting for trust in CA {server.CaFingerprint}");
            }

            using X509Certificate2? next = server.NextCa ? ScepRollover.Learn(environment, http, entry, server) : null;
            entry = environment.Store.Read(r => r.Certificate(id))!;
            bool roll = next is not null && ScepRollover.ShouldRoll(entry, server.Ca, environment.Clock.GetUtcNow());
            return Exchange(environment, http, entry, server, roll ? next : null, force);
        }
        catch (Exception error) when (error is ScepException or CryptographicException)
        {
            return Save(environment, id, _ => { }, "error: " + error.Message);
        }
    }

    private static bool Trusted(CommandEnvironment environment, ScepServerView server, IReadOnlyDictionary<string, string> state)
    {
        string fingerprint = server.CaFingerprint;
        if (string.Equals(state.GetValueOrDefault("trusted-fingerprint")?.Replace(":", "", StringComparison.Ordinal), fingerprint, StringComparison.OrdinalIgnoreCase)
            || ScepRollover.Vouched(state, fingerprint))
        {
            return true;
        }

        return environment.Store.Read(r => r.CertificateByFingerprint(fingerprint)) is { EffectiveTrusted: true };
    }

    /// <summary>
    /// One PKIOperation. With <paramref name="nextCa"/> the renewal goes to the next CA (RFC 8894
    /// §4.7 roll-over): the request is encrypted to it and its signed reply is the only one accepted.
    /// </summary>
    private static string Exchange(CommandEnvironment environment, ScepHttp http, CertificateEntry entry, ScepServerView server, X509Certificate2? nextCa, bool force)
    {
        IReadOnlyDictionary<string, string> state = entry.Management!.Properties;
        ScepAlgorithmChoice algorithms = server.Algorithms;
        byte[] key = PendingKey(environment, entry);
        using RSA rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(key, out _);
        X500DistinguishedName subject = DistinguishedNames.Build(TemplateFields.Subject(entry));
        string transaction = PkiMessageCodec.TransactionIdOf(rsa.ExportSubjectPublicKeyInfo());
        using X509Certificate2 selfSigned = ScepSigner.SelfSigned(rsa, subject, environment.Clock.GetUtcNow());
        bool pending = state.GetValueOrDefault("status") == "pending" && state.GetValueOrDefault("transaction-id") == transaction && !force;
        bool renewal = !entry.IsTemplate && server.Renewal;
        using X509Certificate2? current = renewal ? CurrentWithKey(environment, entry) : null;
        X509Certificate2 signer = current ?? selfSigned;
        byte[] nonce = PkiMessageCodec.NewNonce();
        X509Certificate2 recipient = nextCa ?? server.Recipient;
        byte[]? request = pending ? null : Request(environment, entry, key, renewal);
        byte[] message = request is null
            ? ScepRequestBuilder.Poll((nextCa ?? server.Ca).SubjectName, subject, transaction, nonce, selfSigned, recipient, algorithms)
            : ScepRequestBuilder.Enrol(request, renewal, transaction, nonce, signer, recipient, algorithms);
        if (request is not null)
        {
            Remember(environment, entry.Id, "req-fingerprint", ScepFingerprint.Of(state.GetValueOrDefault(ScepFingerprint.AlgorithmProperty), request));
        }

        ScepHttpReply reply = server.UsePost ? http.Post(state["scep-url"], message) : http.Get(state["scep-url"], "PKIOperation", Convert.ToBase64String(message));
        if (reply.StatusCode != 200)
        {
            throw new ScepException($"PKIOperation failed with HTTP {reply.StatusCode}");
        }

        CertRep answer = CertRepReader.Read(reply.Body, nextCa is null ? server.Certificates : [nextCa], pending ? selfSigned : signer, transaction, nonce);
        return answer.Status switch
        {
            PkiStatus.Success => Install(environment, entry.Id, answer, rsa, key, nextCa is null ? null : server),
            PkiStatus.Pending => Save(environment, entry.Id, s => s["transaction-id"] = transaction, "pending"),
            _ => Failed(environment, entry.Id, answer.FailInfo),
        };
    }

    private static byte[] Request(CommandEnvironment environment, CertificateEntry entry, byte[] key, bool renewal)
    {
        string? challenge = renewal ? null : environment.Store.Read(r => r.Secret(ChallengeSecret(entry.Id))) is { } sealedChallenge
            ? Encoding.UTF8.GetString(environment.Keys.Unseal(sealedChallenge))
            : null;
        return CertificateRequests.Create(DistinguishedNames.Build(TemplateFields.Subject(entry)), TemplateFields.SubjectAltNames(entry),
            entry.KeyUsage, DigestAlgorithm.Sha256, key, challenge);
    }

    /// <summary>The key of this enrolment: kept sealed until the certificate arrives, made on first use.</summary>
    private static byte[] PendingKey(CommandEnvironment environment, CertificateEntry entry)
    {
        if (environment.Store.Read(r => r.Secret(KeySecret(entry.Id))) is { } sealedKey)
        {
            return environment.Keys.Unseal(sealedKey);
        }

        byte[] key = environment.KeySource.Generate(entry.KeySize.Type == KeyType.Rsa ? entry.KeySize : KeySize.Default);
        environment.Store.Write(w =>
        {
            w.PutSecret(KeySecret(entry.Id), environment.Keys.Seal(key));
            return 0;
        });
        return key;
    }

    /// <summary>The certificate of <paramref name="entry"/> with its RSA key (a renewal's signer, the forwarding RA's certificate).</summary>
    internal static X509Certificate2 CurrentWithKey(CommandEnvironment environment, CertificateEntry entry)
    {
        byte[] pkcs8 = environment.Keys.Unseal(entry.PrivateKey!);
        using RSA rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        CryptographicOperations.ZeroMemory(pkcs8);
        using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(entry.Der!);
        return certificate.CopyWithPrivateKey(rsa);
    }

    /// <summary>Puts the new certificate and key into the same entry: name and .id stay.</summary>
    private static string Install(CommandEnvironment environment, ItemId id, CertRep answer, RSA key, byte[] pkcs8, ScepServerView? rolledFrom)
    {
        byte[] publicKey = key.ExportSubjectPublicKeyInfo();
        byte[] der = answer.Certificates.FirstOrDefault(c => CertificateFacts.PublicKeyInfoOf(c).AsSpan().SequenceEqual(publicKey))
            ?? throw new ScepException("the server returned no certificate for our key");
        IssuedCertificate issued = CertificateFacts.Describe(der);
        return environment.Store.Write(w =>
        {
            CertificateEntry entry = w.Certificate(id) ?? throw new InvalidOperationException("no such item");
            var properties = new Dictionary<string, string>(entry.Management!.Properties, StringComparer.Ordinal) { ["status"] = "issued" };
            properties.Remove("transaction-id");
            if (rolledFrom is not null)
            {
                ScepRollover.Switch(properties, rolledFrom.CaFingerprint);
            }

            w.Update(entry.WithIssued(issued, null, environment.Keys.Seal(pkcs8)) with { KeySize = CertificateFacts.KeySizeOf(der), Management = new Management(Kind, properties) });
            w.DeleteSecret(KeySecret(id));
            return "issued";
        });
    }

    private static string Failed(CommandEnvironment environment, ItemId id, FailInfo? failInfo)
    {
        string reason = failInfo is { } info ? char.ToLowerInvariant(info.ToString()[0]) + info.ToString()[1..] : "failure";
        environment.Store.Write(w =>
        {
            w.DeleteSecret(KeySecret(id));
            return 0;
        });
        return Save(environment, id, s => s.Remove("transaction-id"), "failed: " + reason);
    }

    /// <summary>
    /// Makes <paramref name="entry"/> (a template) SCEP-managed under <paramref name="name"/> with the
    /// client <paramref name="state"/>; the challenge, when given, is sealed. Shared by <c>add-scep</c>
    /// and the forwarding RA's own certificate (decision 0060).
    /// </summary>
    internal static void Manage(IStoreWriter writer, IKeyProtector keys, CertificateEntry entry, string name, Dictionary<string, string> state, string? challenge)
    {
        if (!string.IsNullOrEmpty(challenge))
        {
            writer.PutSecret(ChallengeSecret(entry.Id), keys.Seal(Encoding.UTF8.GetBytes(challenge)));
        }

        writer.Update(entry with { Name = name, Management = new Management(Kind, state) });
    }

    private static void Remember(CommandEnvironment environment, ItemId id, string property, string value) =>
        environment.Store.Write(w =>
        {
            CertificateEntry entry = w.Certificate(id) ?? throw new InvalidOperationException("no such item");
            var properties = new Dictionary<string, string>(entry.Management!.Properties, StringComparer.Ordinal) { [property] = value };
            w.Update(entry with { Management = new Management(Kind, properties) });
            return 0;
        });

    private static string Save(CommandEnvironment environment, ItemId id, Action<Dictionary<string, string>> change, string status) =>
        environment.Store.Write(w =>
        {
            CertificateEntry entry = w.Certificate(id) ?? throw new InvalidOperationException("no such item");
            var properties = new Dictionary<string, string>(entry.Management!.Properties, StringComparer.Ordinal) { ["status"] = status };
            change(properties);
            w.Update(entry with { Management = new Management(Kind, properties) });
            return status;
        });
}

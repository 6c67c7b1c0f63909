using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Commands.Execution;
using RosCert.Core.Model;
using RosCert.Scep.Client;
using RosCert.Scep.Wire;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// CA roll-over of an <c>add-scep</c> entry (RFC 8894 §4.7, issue 7, decision 0025): when the
/// server advertises GetNextCACert the client fetches the next CA, checks that the current CA signed
/// it and keeps its fingerprint as <c>next-ca-fingerprint</c>. A renewal that would outlive the
/// current CA goes to the next CA, and the entry then follows the next CA.
/// </summary>
internal static class ScepRollover
{
    public const string NextFingerprint = "next-ca-fingerprint";
    public const string PreviousFingerprint = "previous-ca-fingerprint";
    private const string CaFingerprint = "ca-fingerprint";
    private const string TrustedFingerprint = "trusted-fingerprint";

    /// <summary>A CA the client trusts through roll-over: the announced next CA, or the one it rolled away from.</summary>
    public static bool Vouched(IReadOnlyDictionary<string, string> state, string fingerprint) =>
        state.GetValueOrDefault(NextFingerprint) == fingerprint || state.GetValueOrDefault(PreviousFingerprint) == fingerprint;

    /// <summary>
    /// Fetches the next CA and records it; null when the server's answer is not signed by the
    /// current CA (the entry then keeps working with the current CA only).
    /// </summary>
    public static X509Certificate2? Learn(CommandEnvironment environment, ScepHttp http, CertificateEntry entry, ScepServerView server)
    {
        X509Certificate2 next;
        try
        {
            next = ScepNextCa.Fetch(http, entry.Management!.Properties["scep-url"], server);
        }
        catch (ScepException)
        {
            return null;
        }

        string fingerprint = Convert.ToHexStringLower(SHA256.HashData(next.RawData));
        IReadOnlyDictionary<string, string> state = entry.Management.Properties;
        if (state.GetValueOrDefault(NextFingerprint) != fingerprint && state.GetValueOrDefault(TrustedFingerprint) != fingerprint)
        {
            Change(environment, entry.Id, p => p[NextFingerprint] = fingerprint);
        }

        return next;
    }

    /// <summary>
    /// The switch rule: a renewal (not a first enrolment) rolls over when a certificate as long as the
    /// current one, issued now, would end after the current CA.
    /// </summary>
    public static bool ShouldRoll(CertificateEntry entry, X509Certificate2 currentCa, DateTimeOffset now) =>
        !entry.IsTemplate
        && entry.InvalidBefore is { } start && entry.InvalidAfter is { } end
        && now + (end - start) > new DateTimeOffset(currentCa.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>After a renewal under the next CA: it becomes the CA of the entry; the old one stays trusted until the server moves on.</summary>
    public static void Switch(Dictionary<string, string> properties, string previousFingerprint)
    {
        if (properties.Remove(NextFingerprint, out string? next))
        {
            properties[CaFingerprint] = next;
            properties[TrustedFingerprint] = next;
            properties[PreviousFingerprint] = previousFingerprint;
        }
    }

    private static void Change(CommandEnvironment environment, ItemId id, Action<Dictionary<string, string>> change) =>
        environment.Store.Write(w =>
        {
            CertificateEntry entry = w.Certificate(id) ?? throw new InvalidOperationException("no such item");
            var properties = new Dictionary<string, string>(entry.Management!.Properties, StringComparer.Ordinal);
            change(properties);
            w.Update(entry with { Management = new Management(entry.Management.Kind, properties) });
            return 0;
        });
}

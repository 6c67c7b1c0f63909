using System.Collections.Concurrent;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Import;
using RosCert.Core.Issuance;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>/certificate/builtin</c> (reference §2.15): the host's trust anchors, read-only, from the
/// system bundle Debian keeps (<c>/etc/ssl/certs/ca-certificates.crt</c>, made by
/// update-ca-certificates). Parsed once per bundle version (path, size, time) and shared.
/// </summary>
public static class BuiltinView
{
    public const string SystemBundle = "/etc/ssl/certs/ca-certificates.crt";

    private static readonly ConcurrentDictionary<(string, long, DateTime), IReadOnlyList<CertificateEntry>> s_parsed = new();

    public static IReadOnlyList<ItemView> All(Invocation invocation)
    {
        IReadOnlyList<CertificateEntry> anchors = Anchors(SystemBundle);
        var views = new ItemView[anchors.Count];
        for (int i = 0; i < anchors.Count; i++)
        {
            CertificateEntry a = anchors[i];
            views[i] = new ItemViewBuilder()
                .Add("common-name", a.CommonName)
                .Add("organization", NullIfEmpty(a.Organization))
                .Add("unit", NullIfEmpty(a.Unit))
                .Add("locality", NullIfEmpty(a.Locality))
                .Add("state", NullIfEmpty(a.State))
                .Add("country", NullIfEmpty(a.Country))
                .Add("subject-alt-name", a.SubjectAltName)
                .Add("key-size", a.KeySize.Name)
                .Add("key-type", a.KeySize.KeyTypeName)
                .Add("key-usage", KeyUsages.Format(a.KeyUsage))
                .Add("days-valid", RosValue.Of(a.DaysValid))
                .Add("issuer", a.Issuer)
                .Add("invalid-before", SystemSettings.FormatDate(a.InvalidBefore!.Value, invocation.Zone))
                .Add("invalid-after", SystemSettings.FormatDate(a.InvalidAfter!.Value, invocation.Zone))
                .Add("serial-number", a.SerialNumber)
                .Add("akid", a.Akid ?? "")
                .Add("skid", a.Skid)
                .Build(new ItemId((uint)i + 1));
        }

        return views;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>The anchors of a bundle file; none when it is missing or unreadable (a host without the bundle).</summary>
    public static IReadOnlyList<CertificateEntry> Anchors(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return [];
        }

        return s_parsed.GetOrAdd((path, file.Length, file.LastWriteTimeUtc), _ => Parse(File.ReadAllBytes(path)));
    }

    private static CertificateEntry[] Parse(byte[] bundle)
    {
        ImportResult read;
        try
        {
            read = ImportReader.Read(bundle, passphrase: null);
        }
        catch (ImportFormatException)
        {
            return [];
        }

        var anchors = new List<CertificateEntry>();
        foreach (byte[] der in read.Certificates)
        {
            try
            {
                anchors.Add(Describe(der));
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // a curve or algorithm the host cannot describe: left out of the list
            }
        }

        return [.. anchors];
    }

    private static CertificateEntry Describe(byte[] der) =>
        new CertificateEntry { Id = default, Name = CertificateFacts.SubjectOf(der).CommonName }.WithCertificate(der);
}

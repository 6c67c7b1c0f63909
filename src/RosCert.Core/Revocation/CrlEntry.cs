using System.Globalization;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Core.Revocation;

/// <summary>
/// One <c>/certificate/crl</c> entry (reference §2.16): where the CRL comes from (<see cref="Url"/>,
/// empty for an imported file), the certificate whose distribution point made a dynamic entry, and
/// what the last download or import brought (<see cref="Data"/>; null before the first one).
/// </summary>
public sealed record CrlEntry(ItemId Id, string Url, ItemId? CertId, bool Dynamic, CrlData? Data, string? Failure);

/// <summary>
/// A downloaded or imported CRL as it was read: its facts, whether its signature verified against a
/// stored issuer, and where its bytes are kept (<see cref="CrlKeeping"/>).
/// </summary>
public sealed record CrlData(CrlInfo Info, string Keeping);

/// <summary>Where CRL bytes live: <c>system</c> (the store), <c>ram</c> (<see cref="ICrlCache"/>).</summary>
public static class CrlKeeping
{
    public const string System = "system";
    public const string Ram = "ram";
}

/// <summary>
/// The <c>/certificate/crl</c> entries as item records of the store: the declared properties plus a
/// few hidden ones (certificate id, dynamic mark, validity, where the bytes are).
/// </summary>
public static class CrlEntries
{
    public const string Menu = "/certificate/crl";

    public static IReadOnlyList<CrlEntry> All(IStoreReader reader) => reader.Items(Menu).Select(FromRecord).ToArray();

    public static CrlEntry FromRecord(ItemRecord record)
    {
        IReadOnlyDictionary<string, string> p = record.Properties;
        ItemId? cert = p.TryGetValue("cert-id", out string? id) ? new ItemId(uint.Parse(id, CultureInfo.InvariantCulture)) : null;
        CrlData? data = p.TryGetValue("fingerprint", out string? fingerprint)
            ? new CrlData(
                new CrlInfo(
                    p.GetValueOrDefault("issuer", ""),
                    p.GetValueOrDefault("akid"),
                    p.TryGetValue("num", out string? n) ? long.Parse(n, CultureInfo.InvariantCulture) : null,
                    Time(p["this-update"]),
                    p.TryGetValue("next-update", out string? next) ? Time(next) : null,
                    int.Parse(p.GetValueOrDefault("revoked", "0"), CultureInfo.InvariantCulture),
                    fingerprint,
                    p.GetValueOrDefault("signature-valid") == "yes"),
                p.GetValueOrDefault("keeping", CrlKeeping.System))
            : null;
        return new CrlEntry(record.Id, p.GetValueOrDefault("url", ""), cert, p.GetValueOrDefault("dynamic") == "yes", data, p.GetValueOrDefault("failure"));
    }

    public static ItemRecord ToRecord(CrlEntry entry)
    {
        var p = new Dictionary<string, string>(StringComparer.Ordinal) { ["url"] = entry.Url };
        if (entry.CertId is { } cert)
        {
            p["cert-id"] = cert.Value.ToString(CultureInfo.InvariantCulture);
        }

        if (entry.Dynamic)
        {
            p["dynamic"] = "yes";
        }

        if (entry.Failure is { } failure)
        {
            p["failure"] = failure;
        }

        if (entry.Data is { Info: var info } data)
        {
            p["fingerprint"] = info.Fingerprint;
            p["issuer"] = info.Issuer;
            p["this-update"] = info.ThisUpdate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            p["revoked"] = info.RevokedCount.ToString(CultureInfo.InvariantCulture);
            p["signature-valid"] = info.SignatureValid ? "yes" : "no";
            p["keeping"] = data.Keeping;
            Optional(p, "akid", info.Akid);
            Optional(p, "num", info.CrlNumber?.ToString(CultureInfo.InvariantCulture));
            Optional(p, "next-update", info.NextUpdate?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        return new ItemRecord(Menu, entry.Id, null, p);
    }

    /// <summary>The bytes of an entry's CRL, or null when they are gone (a <c>ram</c> CRL after a reboot).</summary>
    public static byte[]? Bytes(IStoreReader reader, ICrlCache? cache, CrlData data) =>
        data.Keeping == CrlKeeping.Ram ? cache?.Read(data.Info.Fingerprint) : reader.CrlBytes(data.Info.Fingerprint);

    /// <summary>Whether an entry's CRL can be used: its signature verified and its bytes are still there.</summary>
    public static bool Available(IStoreReader reader, ICrlCache? cache, CrlData data) =>
        data.Info.SignatureValid && (data.Keeping != CrlKeeping.Ram || cache?.Contains(data.Info.Fingerprint) == true);

    /// <summary>Flag E: the CRL's nextUpdate has passed (RFC 5280 §5.1.2.5).</summary>
    public static bool Expired(CrlData data, DateTimeOffset now) => data.Info.NextUpdate is { } next && next <= now;

    /// <summary>
    /// Adds the dynamic entries of a certificate's CRL distribution points (reference §1.7) that no
    /// entry has yet; called when a certificate is imported.
    /// </summary>
    public static void AddDynamic(IStoreWriter writer, CertificateEntry certificate)
    {
        if (string.IsNullOrEmpty(certificate.CrlDistributionPoints))
        {
            return;
        }

        IReadOnlyList<CrlEntry> existing = All(writer);
        foreach (string url in certificate.CrlDistributionPoints.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!existing.Any(e => e.Url == url))
            {
                writer.PutItem(ToRecord(new CrlEntry(writer.AllocateId(Menu), url, certificate.Id, Dynamic: true, Data: null, Failure: null)));
            }
        }
    }

    /// <summary>Removes the dynamic entries a certificate made, with their bytes (the certificate is being removed).</summary>
    public static void RemoveDynamicOf(IStoreWriter writer, ItemId certificate)
    {
        foreach (CrlEntry entry in All(writer).Where(e => e.Dynamic && e.CertId == certificate))
        {
            Remove(writer, entry);
        }
    }

    /// <summary>Removes an entry and, unless another entry holds the same CRL, its stored bytes.</summary>
    public static void Remove(IStoreWriter writer, CrlEntry entry)
    {
        writer.DeleteItem(Menu, entry.Id);
        DropBytesIfUnused(writer, entry.Data);
    }

    /// <summary>Deletes stored bytes no entry refers to any more (ram bytes age out with the cache).</summary>
    public static void DropBytesIfUnused(IStoreWriter writer, CrlData? data)
    {
        if (data is { Keeping: CrlKeeping.System } && !All(writer).Any(e => e.Data?.Info.Fingerprint == data.Info.Fingerprint))
        {
            writer.DeleteCrlBytes(data.Info.Fingerprint);
        }
    }

    private static DateTimeOffset Time(string unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(unixSeconds, CultureInfo.InvariantCulture));

    private static void Optional(Dictionary<string, string> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties[name] = value;
        }
    }
}

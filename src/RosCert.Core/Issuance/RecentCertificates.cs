using System.Security.Cryptography.X509Certificates;

namespace RosCert.Core.Issuance;

/// <summary>
/// The last <see cref="Capacity"/> certificates parsed on this thread, keyed by a private copy of
/// their DER bytes (so a caller that changes its array later never gets a stale parse). A hit
/// returns a new <see cref="X509Certificate2"/> over the same native certificate (a reference
/// count, not a parse); the cached objects themselves are never handed out, so callers may
/// dispose what they get. Per thread, so the daemon's concurrent requests share nothing.
/// </summary>
internal static class RecentCertificates
{
    private const int Capacity = 4;

    [ThreadStatic]
    private static Entry[]? t_entries;

    [ThreadStatic]
    private static int t_next;

    public static X509Certificate2 Load(byte[] der)
    {
        Entry[] entries = t_entries ??= new Entry[Capacity];
        foreach (Entry entry in entries)
        {
            if (entry.Der is { } cached && cached.AsSpan().SequenceEqual(der))
            {
                return new X509Certificate2(entry.Certificate!);
            }
        }

        X509Certificate2 parsed = X509CertificateLoader.LoadCertificate(der);
        ref Entry slot = ref entries[t_next];
        t_next = (t_next + 1) % Capacity;
        slot.Certificate?.Dispose();
        slot = new Entry((byte[])der.Clone(), parsed);
        return new X509Certificate2(parsed);
    }

    private record struct Entry(byte[]? Der, X509Certificate2? Certificate);
}

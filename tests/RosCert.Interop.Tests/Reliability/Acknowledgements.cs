using System.Collections.Concurrent;
using Xunit;

namespace RosCert.Interop.Tests.Reliability;

/// <summary>
/// The changes a program acknowledged (a console marker line read, a REST reply received), as
/// <c>kind name</c> pairs, and the check that each of them is in the store after a crash.
/// </summary>
internal sealed class Acknowledgements
{
    private readonly ConcurrentQueue<(string Kind, string Name)> _changes = new();

    public int Count => _changes.Count;

    public void Add(string kind, string name) => _changes.Enqueue((kind, name));

    /// <summary>Reads the <c>ack KIND NAME</c> marker lines a script printed.</summary>
    public void AddMarkers(IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            if (line.Split(' ') is ["ack", string kind, string name])
            {
                Add(kind, name);
            }
        }
    }

    /// <summary>
    /// Every acknowledged change is in <paramref name="store"/>, nothing is half made, no serial is
    /// used twice under one CA; <paramref name="importedFingerprints"/> maps an imported file to its certificate.
    /// </summary>
    public void AssertIn(StoreSnapshot store, IReadOnlyDictionary<string, string> importedFingerprints, string context)
    {
        foreach ((string kind, string name) in _changes)
        {
            StoredEntry? entry = store.Entries.GetValueOrDefault(name);
            bool present = kind switch
            {
                "add" => entry is not null,
                "sign" => entry is { Signed: true, HasKey: true, IssuedBy: not null },
                "revoke" => entry is { Revoked: true },
                "import" => store.Entries.Values.Any(e => e.Fingerprint == importedFingerprints[name] && e.HasKey),
                _ => throw new InvalidOperationException("unknown acknowledgement " + kind),
            };
            Assert.True(present, $"acknowledged {kind} {name} is missing or incomplete {context}");
        }

        Assert.Empty(store.HalfMade());
        Assert.Empty(store.DuplicateSerials());
        Assert.Equal(0, store.PendingKeys);
    }
}

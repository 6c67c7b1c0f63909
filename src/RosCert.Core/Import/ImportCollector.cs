namespace RosCert.Core.Import;

/// <summary>
/// Gathers one file's objects in file order. Objects that came out of encrypted content are marked
/// <c>decrypted</c>: one decryption failure anywhere in the file drops all of them (RouterOS imports
/// nothing encrypted then) while clear certificates, keys and CRLs stay.
/// </summary>
internal sealed class ImportCollector
{
    private readonly List<(byte[] Der, bool Decrypted)> _certificates = [];
    private readonly List<(byte[] Der, bool Decrypted)> _keys = [];
    private readonly List<(byte[] Der, bool Decrypted)> _crls = [];
    private readonly HashSet<byte[]> _seen = new(ByteArrayComparer.Instance);
    private bool _failed;

    public void AddCertificate(byte[] der, bool decrypted) => Add(_certificates, der, decrypted);

    public void AddKey(byte[] pkcs8, bool decrypted) => Add(_keys, pkcs8, decrypted);

    public void AddCrl(byte[] der, bool decrypted) => Add(_crls, der, decrypted);

    /// <summary>The passphrase was missing or wrong, or the encrypted content could not be opened.</summary>
    public void Fail() => _failed = true;

    /// <summary>The result; null when the file held nothing usable and had no encrypted content either.</summary>
    public ImportResult? ToResult()
    {
        if (!_failed && _certificates.Count + _keys.Count + _crls.Count == 0)
        {
            return null;
        }

        return new ImportResult(Kept(_certificates), Kept(_keys), Kept(_crls), _failed ? 1 : 0);
    }

    private void Add(List<(byte[] Der, bool Decrypted)> list, byte[] der, bool decrypted)
    {
        // Certificates, keys and CRLs never share an encoding, so one set of seen values serves all three.
        if (_seen.Add(der))
        {
            list.Add((der, decrypted));
        }
    }

    private byte[][] Kept(List<(byte[] Der, bool Decrypted)> list) =>
        [.. list.Where(item => !(_failed && item.Decrypted)).Select(item => item.Der)];

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}

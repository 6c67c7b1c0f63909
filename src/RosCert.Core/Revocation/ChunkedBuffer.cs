using System.Security.Cryptography;

namespace RosCert.Core.Revocation;

/// <summary>
/// An append-only byte buffer of 1 MiB chunks: growing never copies what is already written, and a
/// million small entries cost a few dozen arrays rather than a million.
/// </summary>
internal sealed class ChunkedBuffer
{
    private const int ChunkSize = 1 << 20;

    // Each chunk with the number of its bytes in use; a chunk may end with room an entry did not fit in.
    private readonly List<(byte[] Bytes, int Used)> _chunks = [];
    private byte[] _current = [];
    private int _used;

    public long Length { get; private set; }

    /// <summary>A span of exactly <paramref name="size"/> bytes to fill now; an entry never straddles two chunks.</summary>
    public Span<byte> Append(int size)
    {
        if (_current.Length - _used < size)
        {
            Seal();
            _current = new byte[Math.Max(size, ChunkSize)];
            _used = 0;
        }

        Span<byte> span = _current.AsSpan(_used, size);
        _used += size;
        Length += size;
        return span;
    }

    public void HashInto(IncrementalHash hash)
    {
        Seal();
        foreach ((byte[] bytes, int used) in _chunks)
        {
            hash.AppendData(bytes, 0, used);
        }
    }

    public void WriteTo(Stream output)
    {
        Seal();
        foreach ((byte[] bytes, int used) in _chunks)
        {
            output.Write(bytes, 0, used);
        }
    }

    private void Seal()
    {
        if (_used > 0)
        {
            _chunks.Add((_current, _used));
            _current = [];
            _used = 0;
        }
    }
}

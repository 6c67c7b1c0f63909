using System.Text;

namespace RosCert.Server.Api;

/// <summary>
/// Reads API sentences from a stream through a buffer of its own (the stream is written to as well,
/// so it is not wrapped in a <see cref="BufferedStream"/>). Broken framing, a truncated sentence or a
/// sentence over the limits is an <see cref="ApiProtocolException"/>.
/// </summary>
public sealed class ApiSentenceReader(Stream stream)
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly byte[] _buffer = new byte[8192];
    private int _position;
    private int _length;

    /// <summary>The next sentence, without its ending empty word; null when the peer closed between sentences.</summary>
    public async ValueTask<IReadOnlyList<string>?> ReadSentenceAsync(ApiLimits limits, CancellationToken cancellation)
    {
        var words = new List<string>();
        long total = 0;
        while (true)
        {
            int first = await ReadByteAsync(cancellation).ConfigureAwait(false);
            if (first < 0)
            {
                return words.Count == 0 ? null : throw new ApiProtocolException("connection closed inside a sentence");
            }

            uint length = await ReadLengthAsync((byte)first, cancellation).ConfigureAwait(false);
            if (length == 0)
            {
                return words;
            }

            total += length;
            if (length > limits.MaxWordBytes || words.Count >= limits.MaxWords || total > limits.MaxSentenceBytes)
            {
                throw new ApiProtocolException("sentence too long");
            }

            byte[] bytes = new byte[length];
            await ReadExactlyAsync(bytes, cancellation).ConfigureAwait(false);
            words.Add(s_utf8.GetString(bytes));
        }
    }

    private async ValueTask<uint> ReadLengthAsync(byte first, CancellationToken cancellation)
    {
        int extra = ApiWords.ExtraLengthBytes(first);
        if (extra < 0)
        {
            throw new ApiProtocolException("reserved control byte");
        }

        byte[] rest = new byte[extra];
        await ReadExactlyAsync(rest, cancellation).ConfigureAwait(false);
        return ApiWords.DecodeLength(first, rest);
    }

    private async ValueTask<int> ReadByteAsync(CancellationToken cancellation)
    {
        if (_position == _length && !await FillAsync(cancellation).ConfigureAwait(false))
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private async ValueTask ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellation)
    {
        while (destination.Length > 0)
        {
            if (_position == _length && !await FillAsync(cancellation).ConfigureAwait(false))
            {
                throw new ApiProtocolException("connection closed inside a sentence");
            }

            int count = Math.Min(destination.Length, _length - _position);
            _buffer.AsMemory(_position, count).CopyTo(destination);
            _position += count;
            destination = destination[count..];
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellation)
    {
        _position = 0;
        _length = await stream.ReadAsync(_buffer, cancellation).ConfigureAwait(false);
        return _length > 0;
    }
}

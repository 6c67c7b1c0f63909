namespace RosCert.Core.Revocation;

/// <summary>
/// A signed CRL held as its pieces: the outer headers and fields before the entries, the encoded entries
/// (in 1 MiB chunks) and the extensions and signature after them. Written out without joining them first.
/// </summary>
public sealed class SignedCrl
{
    private readonly byte[] _head;
    private readonly ChunkedBuffer _revoked;
    private readonly byte[] _tail;

    internal SignedCrl(byte[] head, ChunkedBuffer revoked, byte[] tail, long length)
    {
        _head = head;
        _revoked = revoked;
        _tail = tail;
        Length = length;
    }

    /// <summary>The DER length of the whole CertificateList.</summary>
    public long Length { get; }

    public void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(_head);
        _revoked.WriteTo(output);
        output.Write(_tail);
    }

    /// <summary>The DER CRL as one array of exactly its length.</summary>
    public byte[] ToArray()
    {
        DerPrimitives.CheckLength(Length);
        byte[] der = new byte[Length];
        using var stream = new MemoryStream(der);
        WriteTo(stream);
        return der;
    }
}

using System.Security.Cryptography;

namespace RosCert.Core.Issuance;

/// <summary>Serial numbers for new certificates: raw bytes, the content of a positive DER INTEGER.</summary>
public interface ISerialSource
{
    byte[] Next();
}

/// <summary>
/// 64 random bits, as RouterOS serials are (16 hex digits, reference §1.5). RFC 5280 §4.1.2.2: the
/// serial "MUST be a positive integer" of at most 20 octets; the first byte is kept in 0x01..0x7F so
/// the value is positive, never zero, and its minimal DER encoding is exactly 8 bytes.
/// </summary>
public sealed class RandomSerialSource : ISerialSource
{
    private const int Length = 8;

    public byte[] Next()
    {
        byte[] serial = new byte[Length];
        do
        {
            RandomNumberGenerator.Fill(serial);
            serial[0] &= 0x7F;
        }
        while (serial[0] == 0);

        return serial;
    }
}

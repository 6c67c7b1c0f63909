namespace RosCert.Core.Model;

public enum KeyType
{
    Rsa,
    Ec,
    Dsa,
}

/// <summary>
/// One value of the <c>key-size</c> property: an RSA modulus size or a named EC curve
/// (reference §2.1). <see cref="Name"/> is the console spelling.
/// </summary>
public sealed record KeySize(string Name, KeyType Type, int Bits, string? CurveOid)
{
    public static readonly KeySize Rsa1024 = new("1024", KeyType.Rsa, 1024, null);
    public static readonly KeySize Rsa1536 = new("1536", KeyType.Rsa, 1536, null);
    public static readonly KeySize Rsa2048 = new("2048", KeyType.Rsa, 2048, null);
    public static readonly KeySize Rsa4096 = new("4096", KeyType.Rsa, 4096, null);
    public static readonly KeySize Rsa8192 = new("8192", KeyType.Rsa, 8192, null);
    public static readonly KeySize Prime256v1 = new("prime256v1", KeyType.Ec, 256, "1.2.840.10045.3.1.7");
    public static readonly KeySize Secp384r1 = new("secp384r1", KeyType.Ec, 384, "1.3.132.0.34");
    public static readonly KeySize Secp521r1 = new("secp521r1", KeyType.Ec, 521, "1.3.132.0.35");

    /// <summary>The values <c>add</c> accepts, in the order of the 7.24 completion list.</summary>
    public static IReadOnlyList<KeySize> Selectable { get; } =
        [Rsa1024, Rsa1536, Rsa2048, Rsa4096, Rsa8192, Prime256v1, Secp384r1, Secp521r1];

    public static KeySize Default => Rsa2048;

    public string KeyTypeName => Type switch
    {
        KeyType.Rsa => "rsa",
        KeyType.Ec => "ec",
        _ => "dsa",
    };

    public static bool TryParse(string name, out KeySize keySize)
    {
        foreach (KeySize candidate in Selectable)
        {
            if (candidate.Name == name)
            {
                keySize = candidate;
                return true;
            }
        }

        keySize = Default;
        return false;
    }

    /// <summary>The size of an imported key that is not one of the selectable values (e.g. RSA 3072).</summary>
    public static KeySize ForRsaBits(int bits)
    {
        foreach (KeySize candidate in Selectable)
        {
            if (candidate.Type == KeyType.Rsa && candidate.Bits == bits)
            {
                return candidate;
            }
        }

        return new KeySize(bits.ToString(System.Globalization.CultureInfo.InvariantCulture), KeyType.Rsa, bits, null);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace RosCert.Commands.Menus.Users;

/// <summary>
/// The stored form of a user's password: PBKDF2-HMAC-SHA256 over the UTF-8 password with a
/// 16-byte random salt and 100,000 iterations, kept as
/// <c>pbkdf2-sha256$100000$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c>. RouterOS never prints a
/// password (it is write-only), so the clear text is never stored; an empty password is stored
/// as the empty string.
/// </summary>
public static class PasswordHash
{
    public const string Scheme = "pbkdf2-sha256";
    public const int Iterations = 100_000;
    public const int SaltBytes = 16;
    public const int HashBytes = 32;

    public static string Create(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Derive(password, salt, Iterations);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>
    /// Whether <paramref name="password"/> matches <paramref name="stored"/>, compared in constant time
    /// (<see cref="CryptographicOperations.FixedTimeEquals"/>). A malformed stored value matches nothing.
    /// </summary>
    public static bool Verify(string password, string stored)
    {
        if (!TryParse(stored, out int iterations, out byte[] salt, out byte[] expected))
        {
            return false;
        }

        byte[] actual = Derive(password, salt, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public static bool IsHash(string stored) => TryParse(stored, out _, out _, out _);

    private static byte[] Derive(string password, byte[] salt, int iterations)
    {
        return Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
    }

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        string[] parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out iterations) || iterations is < 1 or > 10_000_000)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && hash.Length == HashBytes;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Scep.Server;

/// <summary>
/// One-time passwords of <c>/certificate/scep-server/otp</c> (reference §2.17): a request whose
/// challengePassword is a valid unused OTP is granted at once and the OTP is used up.
/// </summary>
public static class ScepOtps
{
    /// <summary>Makes and stores a new OTP valid for <paramref name="validFor"/>; returns the password.</summary>
    public static string Generate(IStoreWriter writer, DateTimeOffset now, TimeSpan validFor)
    {
        // 16 characters of an unambiguous alphabet: about 80 bits.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        string password = RandomNumberGenerator.GetString(alphabet, 16);
        DateTimeOffset expires = now + validFor;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["password"] = password,
            ["expires"] = expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["used"] = "no",
            [ScepStoreNames.ExpiresAt] = expires.ToString("O", CultureInfo.InvariantCulture),
            [ScepStoreNames.PasswordHash] = HashOf(password),
        };
        writer.PutItem(new ItemRecord(ScepStoreNames.OtpMenu, writer.AllocateId(ScepStoreNames.OtpMenu), null, properties));
        return password;
    }

    public static bool IsExpired(ItemRecord otp, DateTimeOffset now) =>
        !DateTimeOffset.TryParse(otp.Properties.GetValueOrDefault(ScepStoreNames.ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset expires)
        || expires <= now;

    /// <summary>Uses up the OTP equal to <paramref name="challenge"/> (compared in constant time); false when none is valid.</summary>
    public static bool TryUse(IStoreWriter writer, string? challenge, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(challenge))
        {
            return false;
        }

        ItemRecord? match = Find(writer, challenge);
        if (match is null || match.Properties.GetValueOrDefault("used") == "yes" || IsExpired(match, now))
        {
            return false;
        }

        var used = new Dictionary<string, string>(match.Properties, StringComparer.Ordinal) { ["used"] = "yes" };
        writer.PutItem(match with { Properties = used });
        return true;
    }

    /// <summary>
    /// The OTP whose password is <paramref name="challenge"/>: looked up by the password's hash, so the
    /// secret itself is never compared in variable time; OTPs stored before the hash was kept are
    /// compared one by one in constant time.
    /// </summary>
    private static ItemRecord? Find(IStoreReader reader, string challenge)
    {
        if (reader.ItemsWhere(ScepStoreNames.OtpMenu, ScepStoreNames.PasswordHash, HashOf(challenge)) is [var hashed, ..])
        {
            return hashed;
        }

        byte[] given = Encoding.UTF8.GetBytes(challenge);
        ItemRecord? match = null;
        foreach (ItemRecord otp in reader.Items(ScepStoreNames.OtpMenu).Where(o => !o.Properties.ContainsKey(ScepStoreNames.PasswordHash)))
        {
            byte[] stored = Encoding.UTF8.GetBytes(otp.Properties.GetValueOrDefault("password") ?? "");
            if (CryptographicOperations.FixedTimeEquals(given, stored))
            {
                match = otp;
            }
        }

        return match;
    }

    private static string HashOf(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}

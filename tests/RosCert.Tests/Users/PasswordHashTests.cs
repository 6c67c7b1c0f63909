using System.Text.RegularExpressions;
using RosCert.Commands.Menus.Users;
using Xunit;

namespace RosCert.Tests.Users;

public sealed partial class PasswordHashTests
{
    [Fact]
    public void Hash_has_the_pbkdf2_sha256_format_with_a_16_byte_salt_and_100000_iterations()
    {
        string stored = PasswordHash.Create("secret");
        Match match = StoredForm().Match(stored);
        Assert.True(match.Success, stored);
        Assert.Equal(16, Convert.FromBase64String(match.Groups["salt"].Value).Length);
        Assert.Equal(32, Convert.FromBase64String(match.Groups["hash"].Value).Length);
    }

    [Fact]
    public void Same_password_gets_a_new_salt_each_time()
    {
        Assert.NotEqual(PasswordHash.Create("secret"), PasswordHash.Create("secret"));
    }

    [Fact]
    public void Verify_accepts_the_password_and_refuses_others()
    {
        string stored = PasswordHash.Create("pässword");
        Assert.True(PasswordHash.Verify("pässword", stored));
        Assert.False(PasswordHash.Verify("password", stored));
        Assert.False(PasswordHash.Verify("", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("secret")]
    [InlineData("pbkdf2-sha256$100000$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$x$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("md5$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Malformed_stored_values_match_nothing(string stored)
    {
        Assert.False(PasswordHash.Verify("secret", stored));
        Assert.False(PasswordHash.IsHash(stored));
    }

    /// <summary>The comparison must take the same time wherever the bytes differ: FixedTimeEquals, never SequenceEqual.</summary>
    [Fact]
    public void Hashes_are_compared_in_constant_time()
    {
        string source = File.ReadAllText(SourcePath("src", "RosCert.Commands", "Menus", "Users", "PasswordHash.cs"));
        Assert.Contains("CryptographicOperations.FixedTimeEquals(", source, StringComparison.Ordinal);
        Assert.DoesNotContain("SequenceEqual", source, StringComparison.Ordinal);
    }

    internal static string SourcePath(params string[] parts)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(string.Join('/', parts) + " not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^pbkdf2-sha256\$100000\$(?<salt>[A-Za-z0-9+/=]+)\$(?<hash>[A-Za-z0-9+/=]+)$")]
    private static partial Regex StoredForm();
}

namespace RosCert.Core.Model;

/// <summary>The <c>digest-algorithm</c> values of a template (RouterOS 7.24 tree).</summary>
public enum DigestAlgorithm
{
    Md5,
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

public static class DigestAlgorithms
{
    private static readonly string[] s_names = ["md5", "sha1", "sha256", "sha384", "sha512"];

    public static IReadOnlyList<string> Names => s_names;

    public static string ToName(this DigestAlgorithm digest) => s_names[(int)digest];

    public static bool TryParse(string name, out DigestAlgorithm digest)
    {
        int index = Array.IndexOf(s_names, name);
        digest = (DigestAlgorithm)Math.Max(index, 0);
        return index >= 0;
    }
}

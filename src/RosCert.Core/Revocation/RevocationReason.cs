namespace RosCert.Core.Revocation;

/// <summary>
/// CRLReason ::= ENUMERATED (RFC 5280 §5.3.1); value 7 is not used.
/// </summary>
public enum RevocationReason
{
    Unspecified = 0,
    KeyCompromise = 1,
    CaCompromise = 2,
    AffiliationChanged = 3,
    Superseded = 4,
    CessationOfOperation = 5,
    CertificateHold = 6,
    RemoveFromCrl = 8,
    PrivilegeWithdrawn = 9,
    AaCompromise = 10,
}

/// <summary>The RouterOS-style keywords of <see cref="RevocationReason"/>, defined once and read both ways.</summary>
public static class RevocationReasons
{
    private static readonly (RevocationReason Reason, string Name)[] s_table =
    [
        (RevocationReason.Unspecified, "unspecified"),
        (RevocationReason.KeyCompromise, "key-compromise"),
        (RevocationReason.CaCompromise, "ca-compromise"),
        (RevocationReason.AffiliationChanged, "affiliation-changed"),
        (RevocationReason.Superseded, "superseded"),
        (RevocationReason.CessationOfOperation, "cessation-of-operation"),
        (RevocationReason.CertificateHold, "certificate-hold"),
        (RevocationReason.RemoveFromCrl, "remove-from-crl"),
        (RevocationReason.PrivilegeWithdrawn, "privilege-withdrawn"),
        (RevocationReason.AaCompromise, "aa-compromise"),
    ];

    private static readonly string[] s_names = [.. s_table.Select(row => row.Name)];

    // The keywords as UTF-8, for reading them straight from the store's row buffers.
    private static readonly byte[][] s_utf8Names = [.. s_names.Select(System.Text.Encoding.UTF8.GetBytes)];

    public static IReadOnlyList<string> Names => s_names;

    public static string ToName(RevocationReason r)
    {
        foreach ((RevocationReason reason, string name) in s_table)
        {
            if (reason == r)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(r), r, "not a CRL reason code");
    }

    public static bool TryParse(string name, out RevocationReason r)
    {
        foreach ((RevocationReason reason, string keyword) in s_table)
        {
            if (keyword == name)
            {
                r = reason;
                return true;
            }
        }

        r = RevocationReason.Unspecified;
        return false;
    }

    /// <summary>The same as <see cref="TryParse(string, out RevocationReason)"/> for a keyword in UTF-8.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Name, out RevocationReason r)
    {
        for (int i = 0; i < s_utf8Names.Length; i++)
        {
            if (utf8Name.SequenceEqual(s_utf8Names[i]))
            {
                r = s_table[i].Reason;
                return true;
            }
        }

        r = RevocationReason.Unspecified;
        return false;
    }

    /// <summary>Whether a value is one of the defined reason codes (7 and values above 10 are not).</summary>
    public static bool IsDefined(RevocationReason r) =>
        r is >= RevocationReason.Unspecified and <= RevocationReason.AaCompromise and not (RevocationReason)7;
}

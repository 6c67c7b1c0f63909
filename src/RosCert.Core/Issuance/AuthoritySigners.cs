namespace RosCert.Core.Issuance;

/// <summary>
/// The CA signer last prepared on this thread (its certificate parsed and checked, its private key
/// imported and matched), reused while the caller passes the same <see cref="SigningAuthority"/>
/// object: a script that signs 1,000 leaves under one CA prepares it once. Keyed by reference, so
/// only a caller that keeps its authority object (see <c>SignCommand</c>) gets hits; the clear key
/// lives only in memory, in the imported key object. Per thread, because a key object is not safe
/// for concurrent signing; the daemon's requests each prepare their own.
/// </summary>
internal static class AuthoritySigners
{
    [ThreadStatic]
    private static SigningAuthority? t_authority;

    [ThreadStatic]
    private static CertificateIssuer.Signer? t_signer;

    /// <summary>The cached signer for <paramref name="authority"/>, or one made by <paramref name="prepare"/>
    /// that replaces it. The caller must not dispose what it gets.</summary>
    public static CertificateIssuer.Signer For(SigningAuthority authority, Func<SigningAuthority, CertificateIssuer.Signer> prepare)
    {
        if (ReferenceEquals(t_authority, authority) && t_signer is { } cached)
        {
            return cached;
        }

        CertificateIssuer.Signer prepared = prepare(authority);
        t_signer?.Key.Dispose();
        (t_authority, t_signer) = (authority, prepared);
        return prepared;
    }

    /// <summary>Forgets the cached signer of <paramref name="authority"/> (after it failed to sign).</summary>
    public static void Forget(SigningAuthority authority)
    {
        if (ReferenceEquals(t_authority, authority))
        {
            t_signer?.Key.Dispose();
            (t_authority, t_signer) = (null, null);
        }
    }
}

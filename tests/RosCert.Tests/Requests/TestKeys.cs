using System.Security.Cryptography;

namespace RosCert.Tests.Requests;

/// <summary>Keys made once per test run: RSA generation is the slow part.</summary>
internal static class TestKeys
{
    private static readonly Lazy<byte[]> s_rsa = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    });

    private static readonly Lazy<byte[]> s_ec = new(() =>
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ec.ExportPkcs8PrivateKey();
    });

    public static byte[] Rsa => s_rsa.Value;

    public static byte[] Ec => s_ec.Value;
}

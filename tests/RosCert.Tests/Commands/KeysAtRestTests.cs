using System.Security.Cryptography;
using RosCert.Core.Model;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Commands;

/// <summary>
/// Keys made by <c>sign</c> and <c>create-certificate-request</c> never rest in clear anywhere under
/// the data dir: no 16-byte run of any secret component (RSA d, p, q, dp, dq, qinv; EC d) is found
/// in any file (issue 2, issue 10). The public parts are in the certificate and may be anywhere.
/// </summary>
public sealed class KeysAtRestTests
{
    [Theory]
    [InlineData("2048")]
    [InlineData("prime256v1")]
    public void Signed_keys_are_only_sealed_under_the_data_dir(string keySize)
    {
        using var console = new TestConsole();
        console.Run($"add name=ca common-name=CA key-size={keySize} key-usage=key-cert-sign,crl-sign");
        Assert.Equal("  progress: done\n", console.Run("sign ca"));
        console.Run("add name=req common-name=req");
        console.Run("create-certificate-request template=req key-passphrase=secret");

        CertificateEntry ca = console.Environment.Store.Read(r => r.CertificateByName("ca"))!;
        byte[][] secrets = SecretComponents(console.Environment.Keys.Unseal(ca.PrivateKey!));
        byte[][] files = Directory.GetFiles(console.DataPath, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToArray();

        Assert.Contains(files, contents => contents.AsSpan().IndexOf(ca.Der) >= 0); // the scan does see the store
        foreach (byte[] secret in secrets)
        {
            for (int offset = 0; offset + 16 <= secret.Length; offset += 8)
            {
                byte[] window = secret[offset..(offset + 16)];
                Assert.DoesNotContain(files, contents => contents.AsSpan().IndexOf(window) >= 0);
            }
        }
    }

    private static byte[][] SecretComponents(byte[] pkcs8)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            RSAParameters p = rsa.ExportParameters(includePrivateParameters: true);
            return [p.D!, p.P!, p.Q!, p.DP!, p.DQ!, p.InverseQ!];
        }
        catch (CryptographicException)
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return [ecdsa.ExportParameters(includePrivateParameters: true).D!];
        }
    }
}

using System.Security.Cryptography;
using CsCheck;
using RosCert.Core.Model;
using RosCert.Core.Requests;
using Xunit;

namespace RosCert.Tests.Requests;

/// <summary>Damaged requests only ever fail with FormatException or CryptographicException.</summary>
public sealed class MalformedRequestTests
{
    private static readonly Lazy<byte[]> s_request = new(() =>
    {
        Assert.True(SubjectAltNames.TryParse("DNS:a.test,IP:10.0.0.1,email:a@b.test", out IReadOnlyList<SanEntry> san, out _));
        return CertificateRequestTests.Make(TestKeys.Ec, DigestAlgorithm.Sha256, KeyUsages.Default, san, "challenge");
    });

    private static void LoadOrFailCleanly(byte[] input)
    {
        try
        {
            _ = CertificateRequests.Load(input);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
        }
    }

    [Fact]
    public void Mutated_der_never_throws_anything_else()
    {
        byte[] valid = s_request.Value;
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[0, 3]).Array[1, 4]
            .Sample(edits => LoadOrFailCleanly(Mutate(valid, edits)), iter: 20_000);
    }

    [Fact]
    public void Random_bytes_never_throw_anything_else() =>
        Gen.Byte.Array[0, 200].Sample(bytes => LoadOrFailCleanly([0x30, .. bytes]), iter: 5_000);

    [Fact]
    public void Truncations_never_throw_anything_else()
    {
        byte[] valid = s_request.Value;
        for (int length = 0; length < valid.Length; length++)
        {
            LoadOrFailCleanly(valid[..length]);
        }
    }

    /// <summary>Each edit overwrites (0, 1), inserts (2) or deletes (3) one byte.</summary>
    private static byte[] Mutate(byte[] valid, (int At, byte Value, int Kind)[] edits)
    {
        var bytes = new List<byte>(valid);
        foreach ((int at, byte value, int kind) in edits)
        {
            int position = at % bytes.Count;
            switch (kind)
            {
                case 2:
                    bytes.Insert(position, value);
                    break;
                case 3 when bytes.Count > 1:
                    bytes.RemoveAt(position);
                    break;
                default:
                    bytes[position] = value;
                    break;
            }
        }

        return [.. bytes];
    }
}

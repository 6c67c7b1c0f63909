using System.Security.Cryptography;
using RosCert.Core.Model;

namespace RosCert.Core.Issuance;

/// <summary>A new key pair: the private key as PKCS#8 DER (RFC 5208) and its DER SubjectPublicKeyInfo.</summary>
public sealed record GeneratedKey(byte[] Pkcs8, byte[] SubjectPublicKeyInfo);

/// <summary>New private keys, as PKCS#8 DER (RFC 5208 PrivateKeyInfo).</summary>
public interface IKeySource
{
    byte[] Generate(KeySize size);

    /// <summary>A new key with its public key; sources that hold the key object export both from it.</summary>
    GeneratedKey GeneratePair(KeySize size)
    {
        byte[] pkcs8 = Generate(size);
        return new GeneratedKey(pkcs8, KeyMaterial.SubjectPublicKeyInfo(pkcs8));
    }

    /// <summary>A key being generated for the caller, which may wait on it; a pool hands out one made ahead.</summary>
    Task<GeneratedKey> Take(KeySize size) => Task.Run(() => GeneratePair(size));
}

/// <summary>RSA with public exponent 65537 of <see cref="KeySize.Bits"/> bits, or ECDSA on the named curve.</summary>
public sealed class RandomKeySource : IKeySource
{
    public byte[] Generate(KeySize size) => GeneratePair(size).Pkcs8;

    public GeneratedKey GeneratePair(KeySize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        using AsymmetricAlgorithm key = size.Type switch
        {
            // .NET's RSA.Create(bits) always uses e = 65537 (0x010001).
            KeyType.Rsa => RSA.Create(size.Bits),
            KeyType.Ec when size.CurveOid is not null => ECDsa.Create(ECCurve.CreateFromValue(size.CurveOid)),
            _ => throw new ArgumentException($"keys of size {size.Name} can not be generated", nameof(size)),
        };
        return new GeneratedKey(key.ExportPkcs8PrivateKey(), key.ExportSubjectPublicKeyInfo());
    }
}

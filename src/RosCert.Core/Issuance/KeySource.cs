using System.Security.Cryptography;
using RosCert.Core.Model;

namespace RosCert.Core.Issuance;

/// <summary>New private keys, as PKCS#8 DER (RFC 5208 PrivateKeyInfo).</summary>
public interface IKeySource
{
    byte[] Generate(KeySize size);
}

/// <summary>RSA with public exponent 65537 of <see cref="KeySize.Bits"/> bits, or ECDSA on the named curve.</summary>
public sealed class RandomKeySource : IKeySource
{
    public byte[] Generate(KeySize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        switch (size.Type)
        {
            case KeyType.Rsa:
                // .NET's RSA.Create(bits) always uses e = 65537 (0x010001).
                using (var rsa = RSA.Create(size.Bits))
                {
                    return rsa.ExportPkcs8PrivateKey();
                }

            case KeyType.Ec when size.CurveOid is not null:
                using (var ecdsa = ECDsa.Create(ECCurve.CreateFromValue(size.CurveOid)))
                {
                    return ecdsa.ExportPkcs8PrivateKey();
                }

            default:
                throw new ArgumentException($"keys of size {size.Name} can not be generated", nameof(size));
        }
    }
}

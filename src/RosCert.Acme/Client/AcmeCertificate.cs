using System.Security.Cryptography;
using System.Text;
using RosCert.Acme.Wire;

namespace RosCert.Acme.Client;

/// <summary>An issued certificate: the chain (leaf first) and the alternative chains the server offered.</summary>
public sealed record AcmeCertificate(IReadOnlyList<byte[]> Chain, IReadOnlyList<IReadOnlyList<byte[]>> Alternates, Uri Url)
{
    private const int MaxCertificates = 10;

    public byte[] Leaf => Chain[0];

    /// <summary>Reads <c>application/pem-certificate-chain</c> (RFC 8555 §9.1): CERTIFICATE blocks, leaf first.</summary>
    public static IReadOnlyList<byte[]> ParseChain(byte[] body)
    {
        string text = Encoding.ASCII.GetString(body);
        var chain = new List<byte[]>();
        ReadOnlySpan<char> rest = text;
        while (PemEncoding.TryFind(rest, out PemFields fields))
        {
            if (rest[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                chain.Add(Convert.FromBase64String(rest[fields.Base64Data].ToString()));
            }

            rest = rest[fields.Location.End..];
            if (chain.Count > MaxCertificates)
            {
                throw new AcmeException($"certificate chain has more than {MaxCertificates} certificates");
            }
        }

        return chain.Count > 0 ? chain : throw new AcmeException("server sent no certificate");
    }
}

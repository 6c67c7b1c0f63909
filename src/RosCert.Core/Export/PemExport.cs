using System.Text;
using RosCert.Codecs.Pem;

namespace RosCert.Core.Export;

/// <summary>The <c>.crt</c> file of <c>export-certificate type=pem</c>: PEM certificates (RFC 7468 §5).</summary>
public static class PemExport
{
    /// <summary>
    /// One <c>CERTIFICATE</c> block per entry of <paramref name="chainDer"/>, in the order given: the
    /// certificate first, then (when the caller includes the chain) its issuers up to the root.
    /// </summary>
    public static string Certificates(IReadOnlyList<byte[]> chainDer)
    {
        ArgumentNullException.ThrowIfNull(chainDer);
        if (chainDer.Count == 0)
        {
            throw new ArgumentException("no certificate to export", nameof(chainDer));
        }

        var text = new StringBuilder();
        foreach (byte[] der in chainDer)
        {
            text.Append(PemFile.Write("CERTIFICATE", der));
        }

        return text.ToString();
    }
}

using System.Security.Cryptography;
using RosCert.Core.Issuance;
using RosCert.Core.Model;

namespace RosCert.Interop.Tests.Issuance;

/// <summary>
/// A CA and its leaves issued by <see cref="CertificateIssuer"/> with real random keys and the real
/// clock, written as PEM into a temporary directory for the peers to read.
/// </summary>
internal sealed class IssuedChain : IDisposable
{
    // RSA-4096 generation takes about a second: one key per test run.
    private static readonly Lazy<byte[]> s_rsa4096 = new(() => new RandomKeySource().Generate(KeySize.Rsa4096));

    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("roscert-issuance-");
    private readonly CertificateIssuer _issuer = new(TimeProvider.System, new RandomSerialSource());
    private readonly SigningAuthority _authority;

    public IssuedChain(KeySize caSize, IReadOnlyList<string>? crlHosts = null)
    {
        byte[] caKey = caSize == KeySize.Rsa4096 ? s_rsa4096.Value : new RandomKeySource().Generate(caSize);
        Ca = _issuer.Issue(Request("RosCert Interop CA", KeyUsage.KeyCertSign | KeyUsage.CrlSign, caKey, DigestAlgorithm.Sha256, []), caKey, null);
        _authority = new SigningAuthority(Ca.Der, caKey, crlHosts ?? []);
        CaPath = Write("ca.pem", Ca.Der);
    }

    public IssuedCertificate Ca { get; }

    public string CaPath { get; }

    public string Folder => _directory.FullName;

    /// <summary>Issues a leaf with a new key of <paramref name="size"/> and writes it as <c>name.pem</c>.</summary>
    public (IssuedCertificate Leaf, string Path) Leaf(
        string name, KeySize size, KeyUsage usage, DigestAlgorithm digest = DigestAlgorithm.Sha256, IReadOnlyList<SanEntry>? sans = null)
    {
        byte[] key = new RandomKeySource().Generate(size);
        IssuedCertificate leaf = _issuer.Issue(Request(name + ".example", usage, key, digest, sans ?? [new SanEntry(SanKind.Dns, name + ".example")]), null, _authority);
        return (leaf, Write(name + ".pem", leaf.Der));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static IssuanceRequest Request(string commonName, KeyUsage usage, byte[] key, DigestAlgorithm digest, IReadOnlyList<SanEntry> sans) =>
        new(new SubjectFields(commonName, "LV", "", "Riga", "RosCert", "interop"), sans, usage, 30, digest, KeyMaterial.SubjectPublicKeyInfo(key));

    private string Write(string name, byte[] der)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, PemEncoding.WriteString("CERTIFICATE", der) + "\n");
        return path;
    }
}

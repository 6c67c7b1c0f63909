using CsCheck;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>
/// The issuer writes the certificate itself and reports its facts from the parts it wrote
/// (CertificateEncoder): those facts must be exactly what reading the DER back gives, for any
/// subject, alternative names, usages, digest, validity (UTCTime and, from 2050, GeneralizedTime) and
/// CA, self-signed or not.
/// </summary>
public sealed class EncoderFactsTests
{
    private static readonly DigestAlgorithm[] s_digests = [DigestAlgorithm.Sha1, DigestAlgorithm.Sha256, DigestAlgorithm.Sha384, DigestAlgorithm.Sha512];

    private static readonly Gen<SubjectFields> s_subject =
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 20], Gen.OneOfConst("", "LV", "US"), Gen.String[Gen.Char.AlphaNumeric, 0, 8], Gen.String[Gen.Char[" -.abcdefxyz"], 0, 12])
            .Select(t => new SubjectFields(t.Item1, t.Item2, t.Item3, t.Item4, t.Item3, t.Item4));

    private static readonly Gen<SanEntry[]> s_sans = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 1, 10].Select(label => new SanEntry(SanKind.Dns, label.ToLowerInvariant() + ".example")),
        Gen.Byte.Select(b => new SanEntry(SanKind.Ip, $"192.0.2.{b}")),
        Gen.String[Gen.Char.AlphaNumeric, 1, 10].Select(user => new SanEntry(SanKind.Email, user + "@example.org")))
        .Array[0, 3];

    private static readonly Gen<KeyUsage> s_usage = Gen.Int[0, (int)KeyUsage.TlsClient].Select(bits => (KeyUsage)bits & (KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment | KeyUsage.KeyCertSign | KeyUsage.CrlSign | KeyUsage.TlsServer | KeyUsage.TlsClient));

    [Fact]
    public void Reported_facts_are_what_the_certificate_says()
    {
        IssuedCertificate ca = IssuanceFixture.SelfSigned(IssuanceFixture.EcKey, KeyUsage.KeyCertSign | KeyUsage.CrlSign);
        AssertFactsMatch(ca);
        var authority = new SigningAuthority(ca.Der, IssuanceFixture.EcKey, ["crl.example:8080"]);

        Gen.Select(s_subject, s_sans, s_usage, Gen.Int[1, 40000], Gen.Int[0, s_digests.Length - 1], Gen.Bool)
            .Sample(t =>
            {
                (SubjectFields subject, SanEntry[] sans, KeyUsage usage, int days, int digest, bool selfSigned) = t;
                byte[] key = selfSigned ? IssuanceFixture.RsaKey : IssuanceFixture.EcKey;
                var request = new IssuanceRequest(subject, sans, usage, days, s_digests[digest], KeyMaterial.SubjectPublicKeyInfo(key));
                IssuedCertificate issued = IssuanceFixture.Issuer().Issue(request, key, selfSigned ? null : authority);
                AssertFactsMatch(issued);
                IssuanceFixture.VerifySignature(issued.Der, selfSigned ? issued.Der : ca.Der);
            }, iter: 60);
    }

    private static void AssertFactsMatch(IssuedCertificate issued) =>
        Assert.Equal(CertificateFacts.Describe(issued.Der) with { Der = issued.Der }, issued);
}

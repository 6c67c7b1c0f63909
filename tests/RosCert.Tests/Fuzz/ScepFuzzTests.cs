using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CsCheck;
using RosCert.Core.Model;
using RosCert.Core.Requests;
using RosCert.Scep.Client;
using RosCert.Scep.Server;
using RosCert.Scep.Wire;
using RosCert.Tests.Scep;
using Xunit;

namespace RosCert.Tests.Fuzz;

/// <summary>
/// Mutated SCEP messages (issue 10): PKIOperation bodies to the server engine (an HTTP answer, never
/// an exception; a refused body changes nothing), CertRep replies and GetNextCACert answers to the
/// client readers (read, or refused with <see cref="ScepException"/> or <see cref="CryptographicException"/>,
/// the two the client turns into <c>status=error: ...</c>). Each input within <see cref="Fuzz.PerInput"/>.
/// </summary>
public sealed class ScepFuzzTests
{
    private static readonly ScepAlgorithmChoice s_algorithms = new(ScepCipher.Aes128, DigestAlgorithm.Sha256);

    [Fact]
    public void Mutated_pki_operations_get_an_answer_and_a_refused_one_changes_nothing()
    {
        using var server = new ScepServerFixture();
        server.Console.Run("/certificate add name=ca2 common-name=ca2 key-usage=key-cert-sign,crl-sign");
        server.Console.Run("/certificate sign ca2");
        server.Console.Run("/certificate scep-server set 0 next-ca-cert=ca2");
        using X509Certificate2 ca = server.CaCertificate;
        byte[][] seeds = [Request(server, ca, "fuzz-1", renewal: false), Request(server, ca, "fuzz-2", renewal: true)];

        Fuzz.Mutated(seeds).Sample(body => PkiOperation(server, body), iter: Fuzz.Iterations(300), threads: 1);
        foreach (string file in Fuzz.Corpus("scep"))
        {
            PkiOperation(server, File.ReadAllBytes(file));
        }
    }

    [Fact]
    public void Mutated_get_messages_get_an_answer()
    {
        using var server = new ScepServerFixture();
        using X509Certificate2 ca = server.CaCertificate;
        byte[][] seeds = [System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(Request(server, ca, "get", renewal: false)))];

        // PKIOperation by GET (RFC 8894 §4.1): the message= text, base64 with '+' possibly turned into ' '.
        Fuzz.Mutated(seeds).Sample(text => PkiOperation(server, Base64(System.Text.Encoding.Latin1.GetString(text))), iter: Fuzz.Iterations(300), threads: 1);
    }

    [Fact]
    public void Mutated_cert_reps_are_read_or_refused_with_a_scep_error()
    {
        using var server = new ScepServerFixture();
        using X509Certificate2 ca = server.CaCertificate;
        using RSA key = RSA.Create(2048);
        using X509Certificate2 requester = ScepSigner.SelfSigned(key, new X500DistinguishedName("CN=reader"), server.Console.Clock.GetUtcNow());
        byte[] nonce = PkiMessageCodec.NewNonce();
        byte[] csr = CertificateRequests.Create(new X500DistinguishedName("CN=reader"), [], KeyUsage.None, DigestAlgorithm.Sha256, key.ExportPkcs8PrivateKey(), server.Otp());
        byte[] issued = server.Engine.PkiOperation(server.Server, ScepRequestBuilder.Enrol(csr, false, "T1", nonce, requester, ca, s_algorithms)).Body;
        byte[] pending = server.Engine.PkiOperation(server.Server, ScepRequestBuilder.Enrol(csr, false, "T2", nonce, requester, ca, s_algorithms)).Body;

        Fuzz.Mutated([issued, pending]).Sample(
            reply => Fuzz.Within("CertRep", () => Refused(() => CertRepReader.Read(reply, [ca], requester, "T1", nonce))),
            iter: Fuzz.Iterations(500), threads: 1);
    }

    [Fact]
    public void Mutated_next_ca_answers_are_read_or_refused_with_a_scep_error()
    {
        using var server = new ScepServerFixture();
        server.Console.Run("/certificate add name=ca2 common-name=ca2 key-usage=key-cert-sign,crl-sign");
        server.Console.Run("/certificate sign ca2");
        using X509Certificate2 ca = server.CaCertificate;
        byte[] genuine = server.Engine.GetNextCaCert(server.Server with { NextCaCert = "ca2" }).Body;

        Fuzz.Mutated([genuine]).Sample(
            body => Fuzz.Within("GetNextCACert", () => Refused(() => ScepNextCa.Read(body, ca).Dispose())),
            iter: Fuzz.Iterations(500), threads: 1);
    }

    private static byte[] Request(ScepServerFixture server, X509Certificate2 ca, string name, bool renewal)
    {
        RSA key = ScepServerFixture.ClientKey;
        var subject = new X500DistinguishedName("CN=" + name);
        byte[] csr = CertificateRequests.Create(subject, [], KeyUsage.None, DigestAlgorithm.Sha256, key.ExportPkcs8PrivateKey(), renewal ? null : "wrong");
        using X509Certificate2 signer = ScepSigner.SelfSigned(key, subject, server.Console.Clock.GetUtcNow());
        return ScepRequestBuilder.Enrol(csr, renewal, name, PkiMessageCodec.NewNonce(), signer, ca, s_algorithms);
    }

    /// <summary>What the GET endpoint decodes: '+' may arrive as ' '; text that is not base64 is a 400 there.</summary>
    private static byte[] Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text.Replace(' ', '+'));
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static void PkiOperation(ScepServerFixture server, byte[] body)
    {
        long before = server.Console.Environment.Store.ChangeVersion();
        ScepReply reply = default!;
        Fuzz.Within("PKIOperation", () => reply = server.Engine.PkiOperation(server.Server, body));
        Assert.True(reply.StatusCode is 200 or 400 or 429 or 500, "HTTP " + reply.StatusCode);
        if (reply.StatusCode != 200)
        {
            Assert.Equal(before, server.Console.Environment.Store.ChangeVersion());
        }
    }

    private static void Refused(Action read)
    {
        try
        {
            read();
        }
        catch (Exception error) when (error is ScepException or CryptographicException)
        {
        }
    }
}

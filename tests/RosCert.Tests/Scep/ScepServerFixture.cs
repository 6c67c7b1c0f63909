using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Model;
using RosCert.Core.Requests;
using RosCert.Scep.Client;
using RosCert.Scep.Server;
using RosCert.Scep.Wire;
using RosCert.Tests.Support;

namespace RosCert.Tests.Scep;

/// <summary>A console with an RSA CA <c>ca</c> and a SCEP server at <c>/scep/ca</c>, and the engine behind it.</summary>
internal sealed class ScepServerFixture : IDisposable
{
    private static readonly Lazy<RSA> s_clientKey = new(() => RSA.Create(2048));

    public ScepServerFixture()
    {
        Console.Run("/certificate add name=ca common-name=ca key-usage=key-cert-sign,crl-sign");
        Console.Run("/certificate sign ca");
        Console.Run("/certificate scep-server add ca-cert=ca path=/scep/ca");
        Engine = new ScepServerEngine(Console.Environment.Store, Console.Environment.Keys, Console.Environment.Clock, new ScepIssuance(Console.Environment));
    }

    public TestConsole Console { get; } = new();

    public ScepServerEngine Engine { get; }

    public static RSA ClientKey => s_clientKey.Value;

    public ScepServerSettings Server => Console.Environment.Store.Read(ScepServerSettingsReader.Enabled).Single();

    public X509Certificate2 CaCertificate => X509CertificateLoader.LoadCertificate(Engine.GetCaCert(Server).Body);

    public string Otp() => Console.Run(":put [/certificate scep-server otp generate as-value]").Trim();

    /// <summary>Sends a PKCSReq (or RenewalReq signed by <paramref name="signer"/>) and reads the CertRep.</summary>
    public CertRep Enrol(string commonName, string? challenge, ScepAlgorithmChoice algorithms, X509Certificate2? signer = null, string? transactionId = null)
    {
        byte[] csr = CertificateRequests.Create(new X500DistinguishedName("CN=" + commonName), [], KeyUsage.None, DigestAlgorithm.Sha256, ClientKey.ExportPkcs8PrivateKey(), challenge);
        using X509Certificate2 selfSigned = ScepSigner.SelfSigned(ClientKey, new X500DistinguishedName("CN=" + commonName), Console.Clock.GetUtcNow());
        X509Certificate2 sender = signer ?? selfSigned;
        string transaction = transactionId ?? Guid.NewGuid().ToString("N");
        byte[] nonce = PkiMessageCodec.NewNonce();
        using X509Certificate2 ca = CaCertificate;
        byte[] message = ScepRequestBuilder.Enrol(csr, signer is not null, transaction, nonce, sender, ca, algorithms);
        ScepReply reply = Engine.PkiOperation(Server, message);
        Xunit.Assert.Equal(200, reply.StatusCode);
        return CertRepReader.Read(reply.Body, [ca], sender, transaction, nonce);
    }

    public void Dispose() => Console.Dispose();
}

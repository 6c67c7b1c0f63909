namespace RosCert.Interop.Tests.Import;

/// <summary>
/// Fresh files in every form that <c>import</c> reads, made by OpenSSL 3 in a temporary folder once per
/// test class (the same list as tests/testdata/import/README.md). Passphrase: <see cref="Passphrase"/>.
/// </summary>
public sealed class OpensslImportFiles : IDisposable
{
    public const string Passphrase = "secret";

    private const string Pass = "pass:" + Passphrase;

    private static readonly string[] s_legacy = ["-provider", "legacy", "-provider", "default"];

    public OpensslImportFiles()
    {
        MakeCertificates();
        MakeKeys();
        MakeBundles();
        MakePkcs12();
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("roscert-import-").FullName;

    public string PathOf(string name) => Path.Combine(Directory, name);

    public byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static void Openssl(params string[] arguments) => Peer.Ok("openssl", arguments);

    private void Concatenate(string target, params string[] sources) =>
        File.WriteAllText(PathOf(target), string.Concat(sources.Select(source => File.ReadAllText(PathOf(source)))));

    /// <summary>An EC CA with an RSA and an EC leaf, and the CA's (empty) CRL from <c>openssl ca -gencrl</c>.</summary>
    private void MakeCertificates()
    {
        Openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", PathOf("ca.key"),
            "-subj", "/CN=interop-import-ca", "-days", "30", "-addext", "basicConstraints=critical,CA:TRUE", "-out", PathOf("ca.pem"));
        Openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", PathOf("rsa.key"));
        Openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", PathOf("ec-params.key"));
        Leaf("rsa.key", "leaf-rsa", "4097");
        Leaf("ec-params.key", "leaf-ec", "4098");
        Openssl("x509", "-in", PathOf("leaf-rsa.pem"), "-outform", "DER", "-out", PathOf("leaf-rsa.der"));
        Openssl("x509", "-in", PathOf("ca.pem"), "-addtrust", "clientAuth", "-out", PathOf("ca-trusted.pem"));

        File.WriteAllText(PathOf("index.txt"), "");
        File.WriteAllText(PathOf("crlnumber"), "01\n");
        File.WriteAllText(PathOf("ca.cnf"), $"[ca]\ndefault_ca = tiny\n[tiny]\ndatabase = {PathOf("index.txt")}\n" +
            $"crlnumber = {PathOf("crlnumber")}\ndefault_md = sha256\ndefault_crl_days = 30\n");
        Openssl("ca", "-config", PathOf("ca.cnf"), "-gencrl", "-keyfile", PathOf("ca.key"), "-cert", PathOf("ca.pem"), "-out", PathOf("ca.crl.pem"));
        Openssl("crl", "-in", PathOf("ca.crl.pem"), "-outform", "DER", "-out", PathOf("ca.crl.der"));
    }

    private void Leaf(string key, string name, string serial)
    {
        Openssl("req", "-new", "-key", PathOf(key), "-subj", "/CN=" + name, "-out", PathOf(name + ".csr"));
        Openssl("x509", "-req", "-in", PathOf(name + ".csr"), "-CA", PathOf("ca.pem"), "-CAkey", PathOf("ca.key"),
            "-set_serial", serial, "-days", "30", "-out", PathOf(name + ".pem"));
    }

    /// <summary>Every PEM key form, clear and encrypted (PKCS#8 PBES2 and OpenSSL's traditional Proc-Type form).</summary>
    private void MakeKeys()
    {
        Openssl("rsa", "-in", PathOf("rsa.key"), "-traditional", "-out", PathOf("rsa-pkcs1.key"));
        Openssl("pkey", "-in", PathOf("ec-params.key"), "-out", PathOf("ec.key"));
        Openssl("ec", "-in", PathOf("ec.key"), "-out", PathOf("ec-sec1.key"));
        Openssl("pkey", "-in", PathOf("rsa.key"), "-outform", "DER", "-out", PathOf("rsa-pkcs8.der"));
        Openssl("pkey", "-in", PathOf("rsa.key"), "-aes256", "-passout", Pass, "-out", PathOf("rsa-enc.key"));
        Openssl("pkey", "-in", PathOf("ec.key"), "-aes128", "-passout", Pass, "-out", PathOf("ec-enc.key"));
        Openssl("pkcs8", "-topk8", "-in", PathOf("rsa.key"), "-v1", "PBE-SHA1-3DES", "-passout", Pass, "-out", PathOf("rsa-pbes1.key"));
        foreach (string cipher in new[] { "des", "des3", "aes128", "aes192", "aes256" })
        {
            Openssl(["rsa", .. s_legacy, "-in", PathOf("rsa.key"), "-traditional", "-" + cipher, "-passout", Pass, "-out", PathOf($"rsa-{cipher}.key")]);
        }

        Openssl(["ec", .. s_legacy, "-in", PathOf("ec.key"), "-des3", "-passout", Pass, "-out", PathOf("ec-des3.key")]);
        Openssl("ec", "-in", PathOf("ec.key"), "-aes256", "-passout", Pass, "-out", PathOf("ec-aes256.key"));
        Concatenate("leaf-and-key.pem", "leaf-rsa.pem", "rsa-aes256.key");
    }

    private void MakeBundles()
    {
        Concatenate("chain.pem", "leaf-rsa.pem", "ca.pem", "leaf-rsa.pem");
        Openssl("crl2pkcs7", "-nocrl", "-certfile", PathOf("leaf-rsa.pem"), "-certfile", PathOf("ca.pem"), "-out", PathOf("chain.p7b.pem"));
        Openssl("crl2pkcs7", "-nocrl", "-certfile", PathOf("leaf-rsa.pem"), "-certfile", PathOf("ca.pem"), "-outform", "DER", "-out", PathOf("chain.p7b"));
        Concatenate("extra.pem", "ca.pem", "leaf-ec.pem");
    }

    /// <summary>PKCS#12 in each form <c>openssl pkcs12 -export</c> writes; "modern" and "legacy" carry three certificates.</summary>
    private void MakePkcs12()
    {
        string[] rsa = ["pkcs12", "-export", "-in", PathOf("leaf-rsa.pem"), "-inkey", PathOf("rsa.key")];
        string[] ec = ["pkcs12", "-export", "-in", PathOf("leaf-ec.pem"), "-inkey", PathOf("ec.key")];
        Openssl([.. rsa, "-certfile", PathOf("extra.pem"), "-passout", Pass, "-out", PathOf("modern.p12")]);
        Openssl([.. rsa, .. s_legacy, "-legacy", "-certfile", PathOf("extra.pem"), "-passout", Pass, "-out", PathOf("legacy.p12")]);
        Openssl([.. ec, .. s_legacy, "-descert", "-passout", Pass, "-out", PathOf("descert.p12")]);
        Openssl([.. ec, "-nomac", "-passout", Pass, "-out", PathOf("nomac.p12")]);
        Openssl([.. ec, "-passout", "pass:", "-out", PathOf("empty.p12")]);
        Openssl([.. rsa, .. s_legacy, "-legacy", "-passout", "pass:", "-out", PathOf("empty-legacy.p12")]);
    }
}

using RosCert.Interop.Tests.Daemon;

namespace RosCert.Interop.Tests.Scep;

/// <summary>A daemon whose <c>www</c> serves a SCEP server <c>/scep/ca</c> for the RSA CA <c>ca</c>, exported as <c>ca.pem</c>.</summary>
internal sealed class ScepServerSetup : IDisposable
{
    public ScepServerSetup()
    {
        Console = new RosCertProcess();
        Console.Script("""
            /certificate add name=ca common-name="SCEP CA" key-usage=key-cert-sign,crl-sign
            /certificate sign ca
            /certificate export-certificate ca
            /certificate scep-server add ca-cert=ca path=/scep/ca
            """);
        Daemon = new DaemonProcess(Console);
        CaPath = Console.File("cert_export_ca.crt");
    }

    public RosCertProcess Console { get; }

    public DaemonProcess Daemon { get; }

    public string CaPath { get; }

    public string Url => $"http://127.0.0.1:{Daemon.WwwPort}/scep/ca";

    public string Otp() => Console.Script(":put [/certificate scep-server otp generate as-value]").Trim();

    public string Path(string name) => System.IO.Path.Combine(Console.Root, name);

    public void Dispose()
    {
        Daemon.Dispose();
        Console.Dispose();
    }
}

using RosCert.Interop.Tests.Daemon;
using Xunit;

namespace RosCert.Interop.Tests.Api;

/// <summary>node-routeros (npm), the API client Node tools use, against the daemon's <c>api</c> service (issue 5).</summary>
public sealed class NodeRouterosTests
{
    [Fact]
    public void Node_routeros_logs_in_adds_signs_and_prints()
    {
        using var console = new RosCertProcess();
        using var daemon = new DaemonProcess(console);
        daemon.WaitFor(() => DaemonProcess.Listening(daemon.ApiPort), "api to listen");
        string modules = Path.Combine(console.Root, "node");
        Directory.CreateDirectory(modules);
        Peer.Result install = Peer.Run("npm", ["install", "--silent", "--no-audit", "--no-fund", "--prefix", modules, "node-routeros@1"], timeoutSeconds: 300);
        Assert.True(install.ExitCode == 0, "npm install node-routeros failed:\n" + install.All);
        string script = Path.Combine(modules, "client.js");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Api", "node_routeros_client.js"), script);

        Peer.Result run = Peer.Run("node", [script, daemon.ApiPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], workingDirectory: modules);
        Assert.True(run.ExitCode == 0, run.All + "\n" + daemon.Log);
        Assert.Contains("\"name\":\"node\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"private-key\":\"true\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("no such item", run.Output, StringComparison.Ordinal);
        Assert.Equal("true\n", console.Script(":put [get node private-key]"));
    }
}

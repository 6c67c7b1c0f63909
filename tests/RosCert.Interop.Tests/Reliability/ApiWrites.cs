using System.Net;
using System.Net.Sockets;
using RosCert.Server.Api;

namespace RosCert.Interop.Tests.Reliability;

/// <summary>Adds and signs EC templates over the daemon's binary API; each <c>!done</c> without a <c>!trap</c> is an acknowledgement.</summary>
internal static class ApiWrites
{
    public static async Task Run(int port, string prefix, Acknowledgements acknowledged, Func<bool> keepGoing, Action<string> refused)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        NetworkStream stream = tcp.GetStream();
        var reader = new ApiSentenceReader(stream);

        async Task<bool> Call(params string[] words)
        {
            await stream.WriteAsync(ApiWords.EncodeSentence(words));
            string? trap = null;
            while (true)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                IReadOnlyList<string> reply = await reader.ReadSentenceAsync(ApiLimits.Default, timeout.Token)
                    ?? throw new IOException("the API closed the connection");
                if (reply[0] is "!trap" or "!fatal")
                {
                    trap = string.Join(' ', reply);
                }

                if (reply[0] is "!done" or "!fatal")
                {
                    break;
                }
            }

            if (trap is not null)
            {
                refused($"API {words[0]}: {trap}");
            }

            return trap is null;
        }

        if (!await Call("/login", "=name=admin", "=password=pw"))
        {
            return;
        }

        for (int i = 0; keepGoing(); i++)
        {
            string name = FormattableString.Invariant($"{prefix}-{i}");
            if (!await Call("/certificate/add", "=name=" + name, "=common-name=" + name, "=key-size=prime256v1"))
            {
                return;
            }

            acknowledged.Add("add", name);
            if (!await Call("/certificate/sign", "=number=" + name, "=ca=ca"))
            {
                return;
            }

            acknowledged.Add("sign", name);
        }
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;
using RosCert.Core.Requests;
using RosCert.Scep.Client;
using RosCert.Scep.Wire;

namespace RosCert.Bench;

/// <summary>
/// The SCEP case's load generator (issue 7, issue 9): PKCSReq pkiMessages (RFC 8894 §3.3.1) built
/// beforehand with RosCert's own client builder, one fresh RSA-2048 key and one challenge each, in
/// the algorithms the server's GetCACaps offers; then replayed by <see cref="Senders"/> concurrent
/// senders over POST PKIOperation. Only replies that check out as a SUCCESS CertRep count; the
/// replies are read after the clock stops, so the client's decryption is not timed.
/// </summary>
internal sealed class ScepLoad : IDisposable
{
    public const int Senders = 8;
    private readonly string _url;
    private readonly ScepHttp _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = Senders }, TimeSpan.FromMinutes(2));

    public ScepLoad(string url) => _url = url;

    /// <summary>SUCCESS enrolments per second and the number of other outcomes, over one message per challenge.</summary>
    /// <param name="serverPid">The server's process id, whose CPU time over the timed part is reported per success (0: none).</param>
    public (double Rate, int Failures, string Algorithms, double CpuMsPerEnrolment) Run(IReadOnlyList<string> challenges, int serverPid)
    {
        ScepServerView server = ScepServerView.Fetch(_http, _url, null);
        ScepAlgorithmChoice algorithms = server.Algorithms;
        // Prepared on every core (an RSA-2048 key each), before the clock starts.
        var requests = new Prepared[challenges.Count];
        Parallel.For(0, requests.Length, i => requests[i] = Prepare(server, algorithms, challenges[i], i));
        System.Console.Error.WriteLine($"scep: timed part: {requests.Length} requests, {Senders} senders");

        var replies = new ScepHttpReply?[requests.Length];
        int next = -1;
        double cpuBefore = CpuMilliseconds(serverPid);
        var watch = Stopwatch.StartNew();
        Thread[] threads = [.. Enumerable.Range(0, Senders).Select(_ => new Thread(() =>
        {
            for (int i = Interlocked.Increment(ref next); i < requests.Length; i = Interlocked.Increment(ref next))
            {
                replies[i] = Send(requests[i].Message);
            }
        }))];
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());
        TimeSpan elapsed = watch.Elapsed;
        double cpu = CpuMilliseconds(serverPid) - cpuBefore;

        int successes = requests.Select((request, i) => Succeeded(server, request, replies[i])).Count(ok => ok);
        foreach (Prepared request in requests)
        {
            request.Dispose();
        }

        return (successes / elapsed.TotalSeconds, requests.Length - successes, $"{algorithms.Cipher}+{algorithms.Digest}", successes == 0 ? 0 : cpu / successes);
    }

    /// <summary>User + system CPU time of a process so far (proc(5): fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms).</summary>
    private static double CpuMilliseconds(int pid)
    {
        if (pid <= 0)
        {
            return 0;
        }

        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 onwards
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) * 10.0;
    }

    private ScepHttpReply? Send(byte[] message)
    {
        try
        {
            return _http.Post(_url, message);
        }
        catch (ScepException error)
        {
            System.Console.Error.WriteLine("scep: " + error.Message);
            return null;
        }
    }

    private static bool Succeeded(ScepServerView server, Prepared request, ScepHttpReply? reply)
    {
        if (reply is not { StatusCode: 200 })
        {
            System.Console.Error.WriteLine($"scep: HTTP {reply?.StatusCode}");
            return false;
        }

        try
        {
            CertRep answer = CertRepReader.Read(reply.Body, server.Certificates, request.Signer, request.TransactionId, request.Nonce);
            if (answer.Status == PkiStatus.Success && answer.Certificates.Count > 0)
            {
                return true;
            }

            System.Console.Error.WriteLine($"scep: {answer.Status} {answer.FailInfo}");
        }
        catch (Exception error) when (error is ScepException or CryptographicException)
        {
            System.Console.Error.WriteLine("scep: " + error.Message);
        }

        return false;
    }

    /// <summary>A fresh RSA-2048 key, its PKCS#10 with the challenge, and the PKCSReq signed by a self-signed certificate of the key.</summary>
    private static Prepared Prepare(ScepServerView server, ScepAlgorithmChoice algorithms, string challenge, int index)
    {
        var key = RSA.Create(2048); // kept until the reply is read: the signer's private key
        var subject = new X500DistinguishedName("CN=scep-bench-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        byte[] request = CertificateRequests.Create(subject, [], KeyUsage.DigitalSignature | KeyUsage.TlsClient, DigestAlgorithm.Sha256, key.ExportPkcs8PrivateKey(), challenge);
        string transaction = PkiMessageCodec.TransactionIdOf(key.ExportSubjectPublicKeyInfo());
        byte[] nonce = PkiMessageCodec.NewNonce();
        X509Certificate2 signer = ScepSigner.SelfSigned(key, subject, DateTimeOffset.UtcNow);
        byte[] message = ScepRequestBuilder.Enrol(request, false, transaction, nonce, signer, server.Recipient, algorithms);
        return new Prepared(message, key, signer, transaction, nonce);
    }

    private sealed record Prepared(byte[] Message, RSA Key, X509Certificate2 Signer, string TransactionId, byte[] Nonce) : IDisposable
    {
        public void Dispose()
        {
            Signer.Dispose();
            Key.Dispose();
        }
    }

    public void Dispose() => _http.Dispose();
}

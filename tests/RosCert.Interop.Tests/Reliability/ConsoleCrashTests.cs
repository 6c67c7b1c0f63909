using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Xunit;

namespace RosCert.Interop.Tests.Reliability;

/// <summary>
/// Crash safety (issue 10): the real program is killed with SIGKILL at random moments of a long
/// script (imports, template + sign with EC keys, revocations); after each kill <c>roscert check</c>
/// passes, every acknowledged change is in the store and nothing is half made.
/// </summary>
public sealed class ConsoleCrashTests
{
    private const int EntriesPerRound = 400;
    private const int ImportsPerRound = 3;

    [Fact]
    public void The_console_killed_at_random_moments_keeps_every_acknowledged_change()
    {
        int seed = CrashRounds.Seed;
        var random = new Random(seed);
        using var console = new RosCertProcess();
        console.Script("""
            /certificate add name=ca common-name=CA key-size=prime256v1 key-usage=key-cert-sign,crl-sign
            /certificate sign ca ca-crl-host=127.0.0.1
            """);
        var acknowledged = new Acknowledgements();
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int round = 0; round < CrashRounds.Console; round++)
        {
            string[] imports = [.. Enumerable.Range(0, ImportsPerRound).Select(k => $"imp-r{round}-{k}")];
            foreach (string import in imports)
            {
                fingerprints[import] = WriteCertificateWithKey(console.File(import + ".pem"));
            }

            TimeSpan killAfter = TimeSpan.FromMilliseconds(random.Next(300, 2500));
            acknowledged.AddMarkers(RunAndKill(console, Script(round, imports), killAfter));
            string context = $"after round {round} (ROSCERT_CRASH_SEED={seed})";
            console.AssertWhole(context);
            acknowledged.AssertIn(StoreSnapshot.Read(console.DataDirectory), fingerprints, context);
        }

        Assert.True(acknowledged.Count > CrashRounds.Console, "the rounds acknowledged almost nothing: the harness tested nothing");
    }

    /// <summary>Imports first, then template + sign pairs with a revocation every tenth, each followed by its marker.</summary>
    private static string Script(int round, IEnumerable<string> imports)
    {
        var script = new StringBuilder("/certificate\n");
        foreach (string import in imports)
        {
            script.Append(CultureInfo($"import file-name={import}.pem\n:put \"ack import {import}\"\n"));
        }

        for (int i = 0; i < EntriesPerRound; i++)
        {
            string name = CultureInfo($"r{round}-c{i}");
            script.Append(CultureInfo($"add name={name} common-name={name} key-size=prime256v1 days-valid=30\n:put \"ack add {name}\"\n"));
            script.Append(CultureInfo($"sign {name} ca=ca\n:put \"ack sign {name}\"\n"));
            if (i % 10 == 9)
            {
                string victim = CultureInfo($"r{round}-c{i - 5}");
                script.Append(CultureInfo($"issued-revoke {victim}\n:put \"ack revoke {victim}\"\n"));
            }
        }

        return script.ToString();
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>
    /// Runs a script and SIGKILLs the program <paramref name="killAfter"/> after its first acknowledgement
    /// (counting from the start would, on a loaded machine, kill it before it did anything); returns
    /// every line it printed.
    /// </summary>
    private static List<string> RunAndKill(RosCertProcess console, string script, TimeSpan killAfter)
    {
        var lines = new List<string>();
        using var firstLine = new ManualResetEventSlim();
        using Process process = Process.Start(console.StartInfo())!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }

                firstLine.Set();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Task feed = Task.Run(() =>
        {
            try
            {
                process.StandardInput.Write(script);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // killed while the script was still being fed
            }
        });
        firstLine.Wait(TimeSpan.FromSeconds(60));
        if (!process.WaitForExit(killAfter))
        {
            process.Kill(); // SIGKILL: no handler, no flush, no rollback runs
        }

        process.WaitForExit();
        feed.Wait(TimeSpan.FromSeconds(10));
        lock (lines)
        {
            return [.. lines];
        }
    }

    /// <summary>Writes a self-signed EC certificate and its clear PKCS#8 key in one PEM file; returns the certificate's SHA-256.</summary>
    private static string WriteCertificateWithKey(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + Path.GetFileNameWithoutExtension(path), key, HashAlgorithmName.SHA256);
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        return Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
    }
}

using System.Diagnostics;
using Xunit;

namespace RosCert.Interop.Tests;

/// <summary>
/// Runs the real <c>roscert</c> program (built beside the tests) on a data dir of its own, as a
/// user runs it: a script on standard input, output and exit status read back.
/// </summary>
internal sealed class RosCertProcess : IDisposable
{
    public RosCertProcess()
    {
        Root = Directory.CreateTempSubdirectory("roscert-interop-").FullName;
        DataDirectory = Path.Combine(Root, "data");
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public string FilesDirectory => Path.Combine(DataDirectory, "files");

    /// <summary>Runs a script and asserts it succeeded; returns standard output.</summary>
    public string Script(string script)
    {
        Peer.Result result = Run(script);
        Assert.True(result.ExitCode == 0, $"roscert failed ({result.ExitCode}):\n{result.All}");
        return result.Output;
    }

    /// <summary>How to start <c>roscert</c> on this data dir and master key with <paramref name="arguments"/>, all streams redirected.</summary>
    public ProcessStartInfo StartInfo(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "roscert"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(DataDirectory);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ROSCERT_MASTER_KEY_FILE"] = Path.Combine(Root, "master.key");
        return start;
    }

    /// <summary>Runs <c>roscert check</c> and asserts the store is whole.</summary>
    public void AssertWhole(string context = "")
    {
        Peer.Result result = Run("", "check");
        Assert.True(result.ExitCode == 0, $"roscert check failed {context}:\n{result.All}");
    }

    public Peer.Result Run(string script, params string[] arguments)
    {
        using Process process = Process.Start(StartInfo(arguments))!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("roscert did not finish in 3 minutes");
        }

        return new Peer.Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The path of a file the program wrote into its files area.</summary>
    public string File(string name) => Path.Combine(FilesDirectory, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

using System.Diagnostics;
using Xunit;

namespace RosCert.Interop.Tests;

/// <summary>
/// Runs a real peer program (openssl, certtool, pki, certutil, …) installed by <c>tests/run</c>.
/// A missing peer fails the test: interop tests never skip.
/// </summary>
internal static class Peer
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static Result Run(string program, IEnumerable<string> arguments, string? workingDirectory = null, string? input = null, int timeoutSeconds = 60)
    {
        string path = Find(program);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + program);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish in {timeoutSeconds} s");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs a peer and asserts it succeeded, showing its output when it did not.</summary>
    public static Result Ok(string program, params string[] arguments)
    {
        Result result = Run(program, arguments);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.All}");
        return result;
    }

    private static string Find(string program)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            string candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"peer {program} is not installed; tests/run installs it (see its peers list)");
        return program;
    }
}

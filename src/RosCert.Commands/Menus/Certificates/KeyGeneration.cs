using System.Diagnostics;
using System.Globalization;
using RosCert.Commands.Execution;
using RosCert.Core.Issuance;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// Generates a key on a worker thread while the console shows a <c>progress:</c> line that updates
/// every half second (RSA-8192 takes 10-20 s here), so signing never freezes without feedback. A key
/// the key source made ahead (<see cref="Core.Issuance.KeyPool"/>) is handed over at once.
/// </summary>
internal static class KeyGeneration
{
    private static readonly TimeSpan s_tick = TimeSpan.FromMilliseconds(500);

    public static GeneratedKey Generate(Invocation invocation, KeySize size)
    {
        string what = $"generating {size.KeyTypeName} {size.Name} key";
        invocation.Session.Output.Progress(what);
        Task<GeneratedKey> generation = invocation.Environment.KeySource.Take(size);
        long started = Stopwatch.GetTimestamp();
        while (!generation.Wait(s_tick))
        {
            int seconds = (int)Stopwatch.GetElapsedTime(started).TotalSeconds;
            invocation.Session.Output.Progress($"{what} ({seconds.ToString(CultureInfo.InvariantCulture)}s)");
        }

        return generation.GetAwaiter().GetResult();
    }
}

using System.Diagnostics;
using RosCert.Core.Model;

namespace RosCert.Core.Issuance;

/// <summary>
/// Generates keys ahead on the spare cores for key sizes in demand (issue 9): a size asked for again
/// within <see cref="DemandWindow"/> keeps one key per core in the making besides the one the caller
/// waits for, so a script of 200 RSA-2048 <c>sign</c>s keeps every core generating while the main
/// thread signs and stores, even when one key's prime search runs long. A size asked for once (one
/// RSA-8192 template) is generated on demand only, never ahead (decision 0041). Keys made ahead live
/// in memory only, like any key before it is sealed; none is ever written out.
/// </summary>
public sealed class KeyPool : IKeySource
{
    /// <summary>How soon a second request for a size makes it one "in demand".</summary>
    public static readonly TimeSpan DemandWindow = TimeSpan.FromSeconds(10);

    private readonly IKeySource _source;
    private readonly int _ahead;
    private readonly Lock _gate = new();
    private readonly Dictionary<KeySize, SizeState> _sizes = [];

    public KeyPool(IKeySource source, int ahead)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(ahead);
        _source = source;
        _ahead = ahead;
    }

    /// <summary>A pool that keeps one key ahead per core (none on one core, where there is no spare).</summary>
    public static KeyPool ForThisMachine(IKeySource source) => new(source, Environment.ProcessorCount > 1 ? Environment.ProcessorCount : 0);

    public byte[] Generate(KeySize size) => Take(size).GetAwaiter().GetResult().Pkcs8;

    public GeneratedKey GeneratePair(KeySize size) => Take(size).GetAwaiter().GetResult();

    /// <summary>The oldest key made ahead for <paramref name="size"/>, else one started now; then, when the
    /// size is in demand, starts enough keys to keep the spare cores busy.</summary>
    public Task<GeneratedKey> Take(KeySize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        lock (_gate)
        {
            SizeState state = State(size);
            long now = Stopwatch.GetTimestamp();
            bool inDemand = state.LastAsked is { } last && Stopwatch.GetElapsedTime(last, now) < DemandWindow;
            state.LastAsked = now;
            Task<GeneratedKey> next = state.Ahead.TryDequeue(out Task<GeneratedKey>? made) ? made : Start(size);
            while (inDemand && state.Ahead.Count < _ahead)
            {
                state.Ahead.Enqueue(Start(size));
            }

            return next;
        }
    }

    private SizeState State(KeySize size)
    {
        if (!_sizes.TryGetValue(size, out SizeState? state))
        {
            state = new SizeState();
            _sizes.Add(size, state);
        }

        return state;
    }

    /// <summary>RSA keys take 0.1 s to seconds each: they get threads of their own rather than holding the
    /// thread pool's few workers (which the daemon needs for requests) for that long.</summary>
    private Task<GeneratedKey> Start(KeySize size) =>
        Task.Factory.StartNew(
            () => _source.GeneratePair(size),
            CancellationToken.None,
            size.Type == KeyType.Rsa ? TaskCreationOptions.LongRunning : TaskCreationOptions.None,
            TaskScheduler.Default);

    private sealed class SizeState
    {
        public Queue<Task<GeneratedKey>> Ahead { get; } = new();

        public long? LastAsked { get; set; }
    }
}

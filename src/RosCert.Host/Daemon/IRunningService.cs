namespace RosCert.Host.Daemon;

/// <summary>A started service: stopping it drains its connections for a bounded time.</summary>
public interface IRunningService : IAsyncDisposable
{
    ServiceConfig Config { get; }
}

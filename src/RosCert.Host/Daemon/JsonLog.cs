using System.Text;
using System.Text.Json;

namespace RosCert.Host.Daemon;

/// <summary>
/// Structured logs of the daemon: one JSON object per line on standard output
/// (<c>{"time":"…","level":"info","topic":"service","message":"…"}</c>), so journald and log
/// shippers read them as they are. Never given a secret.
/// </summary>
public sealed class JsonLog(TextWriter output, TimeProvider clock)
{
    private readonly Lock _gate = new();

    public void Info(string topic, string message) => Write("info", topic, message);

    public void Warning(string topic, string message) => Write("warning", topic, message);

    public void Error(string topic, string message) => Write("error", topic, message);

    private void Write(string level, string topic, string message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", level);
            json.WriteString("topic", topic);
            json.WriteString("message", message);
            json.WriteEndObject();
        }

        string line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}

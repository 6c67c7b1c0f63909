using System.Globalization;
using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Log;

/// <summary>
/// The audit trail (issue 10, decision 0051): every command that changes something, and every key
/// export, is recorded in <c>/log</c> with topics <c>audit,info</c>: the command and its arguments
/// (secrets shown as <c>***</c>), the user, the face and the client address. Changes are recorded in
/// their own transaction, so a change without its entry (or the reverse) cannot be committed.
/// </summary>
public static class AuditLog
{
    private const string Redacted = "***";

    /// <summary>Argument names whose values never reach the log, whatever their declaration says.</summary>
    private static readonly string[] s_secretWords = ["passphrase", "password", "secret", "otp", "challenge", "eab", "key-value"];

    /// <summary>
    /// Whether a successful run of <paramref name="command"/> is recorded: changes, exports and
    /// <c>print show-sensitive</c> (secrets shown in clear), not /log's own levels.
    /// </summary>
    public static bool Records(Menu menu, CommandDef command, IReadOnlyDictionary<string, RosValue> arguments)
    {
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        return menu.Path != LogMenu.Path
            && (command.Kind != CommandKind.Query
                || command.Name is "export-certificate" or "export"
                || (command.Name == "print" && arguments.TryGetValue("show-sensitive", out RosValue? shown) && shown is RosBool { Value: true }));
    }

    /// <summary>
    /// RouterOS's entry for a refused login, topics <c>system,error,critical</c>:
    /// <c>login failure for user admin from 127.0.0.1 via rest</c>. The password is never part of it.
    /// </summary>
    public static void LoginFailure(IStoreWriter writer, DateTimeOffset when, TimeZoneInfo hostZone, string user, string address, string via) =>
        Append(writer, when, hostZone, "system,error,critical", $"login failure for user {Quoted(user)} from {address} via {via}");

    /// <summary>Appends the audit entry of a command that succeeded.</summary>
    public static void Record(IStoreWriter writer, Session session, Menu menu, CommandDef command, IReadOnlyDictionary<string, RosValue> arguments) =>
        Append(writer, session.Environment.Clock.GetUtcNow(), session.Environment.HostZone, "audit,info", Describe(session, menu, command, arguments));

    /// <summary>Appends one entry; ids only grow, so entries keep their order.</summary>
    public static void Append(IStoreWriter writer, DateTimeOffset when, TimeZoneInfo hostZone, string topics, string message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ItemId id = writer.AllocateId(LogMenu.Path);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["time"] = SystemSettings.FormatDate(when, SystemSettings.Zone(writer, hostZone)),
            ["topics"] = topics,
            ["message"] = message,
        };
        writer.PutItem(new ItemRecord(LogMenu.Path, id, null, properties));
    }

    /// <summary><c>/certificate sign numbers=srv ca=ca by admin via rest from 127.0.0.1</c>.</summary>
    public static string Describe(Session session, Menu menu, CommandDef command, IReadOnlyDictionary<string, RosValue> arguments)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = new StringBuilder(menu.Path == "/" ? "/" : menu.Path + " ").Append(command.Name);
        foreach ((string name, RosValue value) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            bool secret = command.Argument(name)?.Sensitive == true || s_secretWords.Any(w => name.Contains(w, StringComparison.Ordinal));
            text.Append(' ').Append(name).Append('=').Append(secret ? Redacted : Quoted(value.Text));
        }

        text.Append(CultureInfo.InvariantCulture, $" by {session.User} via {session.Face.ToString().ToLowerInvariant()}");
        if (session.Address is { Length: > 0 } address)
        {
            text.Append(" from ").Append(address);
        }

        return text.ToString();
    }

    /// <summary>Values with spaces, quotes or control characters are quoted and escaped, so one entry stays one line.</summary>
    private static string Quoted(string value)
    {
        if (value.Length <= 200 && value.All(c => c > ' ' && c != '"' && c != '\\' && c < 0x7f))
        {
            return value;
        }

        string shortened = value.Length > 200 ? value[..200] + "..." : value;
        var escaped = new StringBuilder("\"");
        foreach (char c in shortened)
        {
            escaped.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or '\x7f' => string.Create(CultureInfo.InvariantCulture, $"\\{(int)c:X2}"),
                _ => c.ToString(),
            });
        }

        return escaped.Append('"').ToString();
    }
}

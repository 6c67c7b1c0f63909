using RosCert.Commands.Catalogue;
using RosCert.Commands.Menus.Log;
using RosCert.Commands.Values;
using RosCert.Core.Errors;

namespace RosCert.Commands.Execution;

/// <summary>
/// Runs one command for any face: checks the user's right, the arguments' values and the required
/// ones, then calls the handler inside exactly one transaction (reference: one command, one
/// transaction, so a command whose output has been shown is durable).
/// </summary>
public static class CommandRunner
{
    public static CommandResult Run(Session session, Menu menu, CommandDef command, IReadOnlyDictionary<string, RosValue> rawArguments)
    {
        if (command.Rights > session.Rights)
        {
            throw Errors.NotPermitted();
        }

        if (command.HardwareOnly || command.Arguments.Any(a => a.HardwareOnly && rawArguments.ContainsKey(a.Name) && IsRequested(rawArguments[a.Name])))
        {
            throw Errors.NotSupported();
        }

        IReadOnlyDictionary<string, RosValue> arguments = Bind(command, rawArguments);
        CommandHandler handler = command.Handler ?? throw Errors.NotImplementedYet();
        Core.Ports.IStore store = session.Environment.Store;
        bool audited = AuditLog.Records(menu, command, arguments);
        if (command.Kind == CommandKind.Change)
        {
            // The change and its audit entry commit together or not at all.
            return store.Write(w =>
            {
                CommandResult changed = Checked(handler, new Invocation(session, menu, command, arguments, w, w));
                if (audited)
                {
                    AuditLog.Record(w, session, menu, command, arguments);
                }

                return changed;
            });
        }

        // Unbound commands (sign, import) manage their own transactions; sign records the entry in its
        // last write (Invocation.RecordAudit). For the others, and for exports, which only read, the
        // entry follows their success in a transaction of its own.
        Action<Core.Ports.IStoreWriter>? audit = audited ? w => AuditLog.Record(w, session, menu, command, arguments) : null;
        CommandResult result;
        Invocation invocation;
        if (command.Kind == CommandKind.Query)
        {
            (result, invocation) = store.Read(r =>
            {
                var query = new Invocation(session, menu, command, arguments, r, null) { PendingAudit = audit };
                return (Checked(handler, query), query);
            });
        }
        else
        {
            // The references are checked in one snapshot rather than a transaction per lookup.
            if (!command.ChecksOwnReferences)
            {
                store.Read(r =>
                {
                    CheckReferences(new Invocation(session, menu, command, arguments, r, null));
                    return 0;
                });
            }

            invocation = new Invocation(session, menu, command, arguments, new DeferredReader(store), null) { PendingAudit = audit };
            result = handler(invocation);
        }

        if (invocation.PendingAudit is { } pending)
        {
            store.Write(w =>
            {
                pending(w);
                return 0;
            });
        }

        return result;
    }

    private static CommandResult Checked(CommandHandler handler, Invocation invocation)
    {
        CheckReferences(invocation);
        return handler(invocation);
    }

    /// <summary>
    /// An argument naming an item of some menu (<c>ca=</c>, <c>template=</c>, <c>ca-cert=</c>) must name
    /// one that exists, else <c>input does not match any value of ca</c> (reference §2.5, §2.21).
    /// </summary>
    internal static void CheckReferences(Invocation invocation)
    {
        foreach ((string name, RosValue value) in invocation.Arguments)
        {
            if (invocation.Command.Argument(name)?.Type is not ItemReferenceType reference || reference.Specials.Contains(value.Text))
            {
                continue;
            }

            Menu target = invocation.Environment.Catalogue.Find(reference.MenuPath) ?? invocation.Menu;
            var lookup = new Invocation(invocation.Session, target, invocation.Command, invocation.Arguments, invocation.Reader, null);
            if (lookup.Find(value.Text, null) is null)
            {
                throw Errors.InputDoesNotMatch(name);
            }
        }
    }

    /// <summary>Checks each value against its declared type and that every required argument is there.</summary>
    public static IReadOnlyDictionary<string, RosValue> Bind(CommandDef command, IReadOnlyDictionary<string, RosValue> rawArguments)
    {
        var bound = new Dictionary<string, RosValue>(rawArguments.Count, StringComparer.Ordinal);
        foreach ((string name, RosValue value) in rawArguments)
        {
            ArgumentDef definition = command.Argument(name) ?? throw Errors.Failure($"unknown parameter {name}");
            bound[name] = value is RosUnset && command.AcceptsUnset ? value : definition.Type.Read(name, value);
        }

        string[] missing = command.Arguments.Where(a => a.Required && !bound.ContainsKey(a.Name)).Select(a => a.Name).ToArray();
        if (missing.Length > 0)
        {
            throw Errors.MissingArguments(missing);
        }

        return bound;
    }

    private static bool IsRequested(RosValue value) => value is not RosBool { Value: false } && value.Text != "no";
}

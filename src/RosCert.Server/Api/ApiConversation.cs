using System.Net;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;

namespace RosCert.Server.Api;

/// <summary>
/// The command side of one API connection: <c>/login</c> (the post-6.43 plain form, <c>=name=</c>
/// and <c>=password=</c>), then commands resolved through the catalogue and run by
/// <see cref="CommandRunner"/> in the session of the logged-in user.
/// </summary>
public sealed class ApiConversation(CommandEnvironment environment, IAuthenticator authenticator, IPAddress remote)
{
    private Session? _session;

    public bool LoggedIn => _session is not null;

    /// <summary>Set once the peer asked to end the conversation (<c>/quit</c>).</summary>
    public bool Closing { get; private set; }

    public IReadOnlyList<IReadOnlyList<string>> Handle(IReadOnlyList<string> sentence)
    {
        ApiRequest request = ApiRequest.Parse(sentence);
        var replies = new ApiReplies(request.Tag);
        try
        {
            Dispatch(request, replies);
        }
        catch (RouterOsException error)
        {
            replies.Trap(error);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // An unexpected fault of one command fails that command, not the connection.
            replies.Trap("failure: " + error.Message, 4);
        }

        return replies.Sentences;
    }

    private void Dispatch(ApiRequest request, ApiReplies replies)
    {
        switch (request.Command)
        {
            case "/quit":
                Closing = true;
                replies.Fatal("session terminated on request");
                return;
            case "/login":
                Login(request, replies);
                return;
            case var _ when _session is null:
                replies.Trap("not logged in");
                return;
            case "/cancel":
                // Every command runs to completion before the next sentence is read: nothing to cancel.
                replies.Done();
                return;
        }

        Run(_session, request, replies);
    }

    /// <summary>A failed login answers <c>!trap</c> and keeps the connection, as RouterOS does.</summary>
    private void Login(ApiRequest request, ApiReplies replies)
    {
        Principal? principal = request.Attribute("name") is { } name
            ? authenticator.Authenticate(name, request.Attribute("password") ?? "", remote, "api")
            : null;
        if (principal is null)
        {
            replies.Trap("invalid user name or password (6)");
            return;
        }

        _session = new Session(environment, principal.User, principal.Rights, Face.Api) { Address = remote.ToString() };
        replies.Done();
    }

    private void Run(Session session, ApiRequest request, ApiReplies replies)
    {
        (Menu menu, CommandDef command) = Resolve(request.Command);
        request.CheckWords();
        IReadOnlyList<string>? proplist = request.Attribute(".proplist")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        CommandResult result = CommandRunner.Run(session, menu, command, Arguments(command, request));
        replies.Result(result, proplist);
    }

    /// <summary><c>/certificate/print</c>: the menu is the path without its last segment, the command is that segment.</summary>
    private (Menu Menu, CommandDef Command) Resolve(string path)
    {
        int slash = path.LastIndexOf('/');
        Menu? menu = slash < 0 ? null : environment.Catalogue.Find(slash == 0 ? "/" : path[..slash]);
        if (menu is null)
        {
            throw new RouterOsException(ErrorKind.NoSuchItem, "no such command prefix");
        }

        return (menu, menu.Command(path[(slash + 1)..]) ?? throw new RouterOsException(ErrorKind.NoSuchItem, "no such command"));
    }

    /// <summary>
    /// Attribute words become arguments: <c>=.id=</c> names the items (<c>numbers</c>, <c>number</c>
    /// or the first positional argument), <c>=.proplist=</c> is print's <c>proplist</c>, query words
    /// become the <c>where</c> condition.
    /// </summary>
    private static Dictionary<string, RosValue> Arguments(CommandDef command, ApiRequest request)
    {
        var arguments = new Dictionary<string, RosValue>(StringComparer.Ordinal);
        foreach ((string name, string value) in request.Attributes)
        {
            string? argument = name switch
            {
                ".id" => IdArgument(command),
                ".proplist" => command.Argument("proplist")?.Name,
                _ => name,
            };
            if (argument is not null)
            {
                arguments[argument] = RosValue.Of(value);
            }
        }

        if (ApiQuery.Build(request.Queries) is { } condition)
        {
            string where = command.Argument("where")?.Name ?? throw new RouterOsException(ErrorKind.BadValue, "queries are not supported by " + command.Name);
            arguments[where] = new RosCondition(condition);
        }

        return arguments;
    }

    private static string IdArgument(CommandDef command) =>
        (command.Argument("numbers") ?? command.Argument("number") ?? command.PositionalArguments.FirstOrDefault())?.Name
        ?? throw new RouterOsException(ErrorKind.BadValue, "unknown parameter .id");
}

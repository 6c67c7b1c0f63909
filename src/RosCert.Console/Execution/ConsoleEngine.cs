using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Values;
using RosCert.Console.Ast;
using RosCert.Console.Parsing;
using RosCert.Console.Printing;
using RosCert.Core.Errors;

namespace RosCert.Console.Execution;

/// <summary>
/// Runs RouterOS console text for one session: parses it, resolves each statement against the
/// catalogue, runs it through <see cref="CommandRunner"/> (one transaction per command) and prints
/// its result the RouterOS way. The first error stops the run; statements before it stay done.
/// </summary>
public sealed class ConsoleEngine : IScriptHost
{
    private readonly Session _session;
    private readonly Catalogue _catalogue;
    private readonly Dictionary<string, RosValue> _globals = new(StringComparer.Ordinal);
    private readonly Evaluator _evaluator;
    private readonly CommandBinder _binder;
    private readonly ScriptCommands _scriptCommands;
    private readonly Scope _topScope = new(null);
    private int _substitutionDepth;
    private int _scriptDepth;
    private bool _progressShown;

    public ConsoleEngine(Session session, TextWriter output, TextWriter error, int width = 80)
    {
        _session = session;
        _catalogue = session.Environment.Catalogue;
        Output = output;
        Error = error;
        Width = width;
        _evaluator = new Evaluator(this);
        _binder = new CommandBinder(_catalogue, _evaluator);
        _scriptCommands = new ScriptCommands(this, _evaluator);
        CurrentMenu = _catalogue.Find("/certificate") ?? _catalogue.Root;
        session.ScriptHost = this;
        session.Output = new WriterOutput(this);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public int Width { get; }

    /// <summary>The menu bare commands run in; every mode starts in <c>/certificate</c>.</summary>
    public Menu CurrentMenu { get; private set; }

    public Session Session => _session;

    /// <summary>Set by the interactive console: progress lines are rewritten in place on the terminal.</summary>
    public bool ProgressInPlace { get; set; }

    private void ClearProgress()
    {
        if (_progressShown)
        {
            Output.Write("\r\u001b[K");
            _progressShown = false;
        }
    }

    /// <summary>The RouterOS prompt: <c>[admin@RosCert] /certificate&gt; </c>.</summary>
    public string Prompt()
    {
        string identity = _session.Environment.Store.Read(SystemSettings.Identity);
        return $"[{_session.User}@{identity}] {CurrentMenu.Path}> ";
    }

    /// <summary>Runs console text; prints the first error on <see cref="Error"/> and returns false.</summary>
    public bool Run(string source)
    {
        try
        {
            RunScript(source);
            return true;
        }
        catch (RouterOsException error)
        {
            Error.WriteLine(error.Message);
            return false;
        }
    }

    /// <summary>Runs text and lets the first error escape (for <c>/import</c> and nested callers).</summary>
    public void RunScript(string source)
    {
        Script script = ScriptParser.Parse(source).GetScriptOrThrow();
        bool nested = _scriptDepth > 0; // /import and /system script run: their menu changes stay theirs
        var context = new ExecutionContext(CurrentMenu, nested ? new Scope(null) : _topScope, print: true);
        _scriptDepth++;
        try
        {
            foreach (Command command in script.Commands)
            {
                Execute(command, context);
                if (!nested)
                {
                    CurrentMenu = context.Menu;
                }
            }
        }
        finally
        {
            _scriptDepth--;
        }
    }

    internal RosValue RunNested(Script body, Scope scope)
    {
        var context = new ExecutionContext(CurrentMenu, scope, print: _substitutionDepth == 0);
        Outcome last = default;
        foreach (Command command in body.Commands)
        {
            last = Execute(command, context);
        }

        return last.Value;
    }

    /// <summary><c>[ … ]</c>: runs the commands without printing and yields the last one's value.</summary>
    internal RosValue Substitute(Script script, Scope scope, Menu? menu)
    {
        if (_substitutionDepth > 64)
        {
            throw Errors.Failure("too deep");
        }

        _substitutionDepth++;
        try
        {
            var context = new ExecutionContext(menu ?? CurrentMenu, scope, print: false);
            Outcome last = default;
            foreach (Command command in script.Commands)
            {
                last = Execute(command, context);
            }

            return last.Value;
        }
        finally
        {
            _substitutionDepth--;
        }
    }

    internal RosValue Lookup(string name, Scope scope) =>
        scope.TryGet(name, out RosValue value) ? value : _globals.GetValueOrDefault(name) ?? RosValue.Nothing;

    internal void DeclareGlobal(string name, RosValue? value)
    {
        if (value is not null || !_globals.ContainsKey(name))
        {
            _globals[name] = value ?? RosValue.Nothing;
        }
    }

    internal void Assign(string name, RosValue value, Scope scope)
    {
        if (!scope.TrySet(name, value))
        {
            _globals[name] = value;
        }
    }

    /// <summary><c>:log topic message</c>: written to standard error as <c>topic: message</c> until <c>/log</c> exists.</summary>
    internal void Log(string topic, string message) => Error.WriteLine($"{topic}: {message}");

    private Outcome Execute(Command command, ExecutionContext context)
    {
        Menu? outer = _evaluator.Menu;
        _evaluator.Menu = context.Menu;
        try
        {
            return ExecuteIn(command, context);
        }
        finally
        {
            _evaluator.Menu = outer;
        }
    }

    private Outcome ExecuteIn(Command command, ExecutionContext context)
    {
        if (ScriptCommands.Handles(command))
        {
            return new Outcome(_scriptCommands.Run(command, context.Scope), null);
        }

        BoundCommand bound = _binder.Bind(command, context.Menu, context.Scope);
        if (bound.Command is null)
        {
            context.Menu = bound.Menu;
            return default;
        }

        CommandResult result = CommandRunner.Run(_session, bound.Menu, bound.Command, bound.Arguments);
        ClearProgress();
        if (context.Print)
        {
            ResultWriter.Write(result, bound.Command, Output, Width);
        }

        return new Outcome(null, result);
    }

    /// <summary>
    /// What a command gave back. The script value of a result is made only when asked for: most
    /// statements' values are dropped, and the value of a <c>print</c> is an array of every item
    /// (a fifth of a 10,000-certificate print when it was made eagerly, issue 9).
    /// </summary>
    private readonly struct Outcome(RosValue? value, CommandResult? result)
    {
        public RosValue Value => value ?? result?.Value ?? RosValue.Nothing;
    }

    private sealed class ExecutionContext(Menu menu, Scope scope, bool print)
    {
        public Menu Menu { get; set; } = menu;

        public Scope Scope { get; } = scope;

        public bool Print { get; } = print;
    }

    /// <summary>
    /// Progress of a running command: on a terminal one line rewritten in place (reference §4.9);
    /// in scripts and one-shot runs nothing, since the command's final record says <c>progress: done</c>.
    /// </summary>
    private sealed class WriterOutput(ConsoleEngine engine) : ICommandOutput
    {
        public void Line(string text)
        {
            engine.ClearProgress();
            engine.Output.WriteLine(text);
        }

        public void Progress(string text)
        {
            if (engine.ProgressInPlace)
            {
                engine.Output.Write("\r\u001b[K  progress: " + text);
                engine.Output.Flush();
                engine._progressShown = true;
            }
        }
    }
}

using System.Globalization;
using RosCert.Core.Errors;

namespace RosCert.Commands.Values;

/// <summary>
/// The type of a property or argument: how console/REST/API input is read and checked, what
/// <c>?</c> says about it and what Tab may complete. Declared once in the catalogue.
/// </summary>
public abstract class ValueType
{
    /// <summary>One-line description shown by <c>?</c> (RouterOS style, e.g. <c>string value</c>).</summary>
    public abstract string Description { get; }

    /// <summary>Values Tab offers (empty when free-form).</summary>
    public virtual IReadOnlyList<string> Completions => [];

    /// <summary>Whether the value is printed in double quotes by <c>print detail</c> (reference §4.10).</summary>
    public virtual bool Quoted => false;

    /// <summary>Reads an input value, or throws the RouterOS error for <paramref name="argument"/>.</summary>
    public abstract RosValue Read(string argument, RosValue input);
}

public sealed class StringType : ValueType
{
    public static readonly StringType Instance = new();

    public StringType(int maxLength = 4096)
    {
        MaxLength = maxLength;
    }

    public int MaxLength { get; }

    public override string Description => MaxLength < 4096 ? $"string value, max length {MaxLength}" : "string value";

    public override bool Quoted => true;

    public override RosValue Read(string argument, RosValue input)
    {
        string text = input.Text;
        if (text.Length > MaxLength)
        {
            throw Errors.InvalidValue(argument, $"string too long (max {MaxLength})");
        }

        return RosValue.Of(text);
    }
}

/// <summary>A string printed bare (issuer, skid, dates): same input rules as <see cref="StringType"/>.</summary>
public sealed class BareTextType : ValueType
{
    public static readonly BareTextType Instance = new();

    public override string Description => "string value";

    public override RosValue Read(string argument, RosValue input) => RosValue.Of(input.Text);
}

/// <summary>One of a fixed set of words (<c>input does not match any value of key-size</c>).</summary>
public sealed class EnumType(params string[] values) : ValueType
{
    public IReadOnlyList<string> Values { get; } = values;

    public override string Description => string.Join('|', Values);

    public override IReadOnlyList<string> Completions => Values;

    public override RosValue Read(string argument, RosValue input)
    {
        string text = input.Text;
        if (Values.Contains(text))
        {
            return RosValue.Of(text);
        }

        // RouterOS accepts an unambiguous prefix of an enum value.
        string[] matches = Values.Where(v => text.Length > 0 && v.StartsWith(text, StringComparison.Ordinal)).ToArray();
        return matches.Length switch
        {
            1 => RosValue.Of(matches[0]),
            > 1 => throw Errors.Ambiguous(argument),
            _ => throw Errors.InputDoesNotMatch(argument),
        };
    }
}

/// <summary>A comma list of words from a fixed set, normalised to the set's order (key-usage, trust-store).</summary>
public sealed class EnumSetType(string setName, IReadOnlyList<string> values) : ValueType
{
    private readonly EnumType _element = new([.. values]);

    public IReadOnlyList<string> Values { get; } = values;

    public override string Description => $"{string.Join('|', Values)}[,{setName}*]";

    public override IReadOnlyList<string> Completions => Values;

    public override RosValue Read(string argument, RosValue input)
    {
        IEnumerable<string> words = input is RosArray array
            ? array.Elements.Select(e => e.Value.Text)
            : input.Text.Split(',', StringSplitOptions.TrimEntries);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string word in words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            chosen.Add(_element.Read(argument, RosValue.Of(word)).Text);
        }

        return RosValue.Of(string.Join(',', Values.Where(chosen.Contains)));
    }
}

public sealed class IntegerType(long min, long max) : ValueType
{
    public long Min { get; } = min;

    public long Max { get; } = max;

    public override string Description => $"integer number {Min}..{Max}";

    public override RosValue Read(string argument, RosValue input)
    {
        if (input is RosNumber number)
        {
            return Check(argument, number.Value);
        }

        string text = input.Text;
        bool parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long value)
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        if (!parsed)
        {
            throw Errors.InvalidValue(argument, "expected number");
        }

        return Check(argument, value);
    }

    private RosNumber Check(string argument, long value) =>
        value < Min || value > Max
            ? throw Errors.OutOfRange(argument, $"{Min}..{Max}")
            : new RosNumber(value);
}

/// <summary><c>yes</c>/<c>no</c> (also <c>true</c>/<c>false</c>), printed as <c>yes</c>/<c>no</c> by the console.</summary>
public sealed class BoolType : ValueType
{
    public static readonly BoolType Instance = new();

    public override string Description => "yes | no";

    public override IReadOnlyList<string> Completions => ["yes", "no"];

    public override RosValue Read(string argument, RosValue input) => input switch
    {
        RosBool b => b,
        _ => input.Text switch
        {
            "yes" or "true" => RosValue.Of(true),
            "no" or "false" => RosValue.Of(false),
            _ => throw Errors.InputDoesNotMatch(argument),
        },
    };
}

public sealed class DurationType(TimeSpan min, TimeSpan max) : ValueType
{
    public override string Description => $"{Durations.Format(min)}..{Durations.Format(max)}    (time interval)";

    public override RosValue Read(string argument, RosValue input)
    {
        if (input is RosDuration duration)
        {
            return Check(argument, duration.Value);
        }

        if (!Durations.TryParse(input.Text, out TimeSpan value))
        {
            throw Errors.InvalidValue(argument, "expected time interval");
        }

        return Check(argument, value);
    }

    private RosDuration Check(string argument, TimeSpan value) =>
        value < min || value > max
            ? throw Errors.OutOfRange(argument, $"{Durations.Format(min)}..{Durations.Format(max)}")
            : new RosDuration(value);
}

/// <summary>An argument given by its word alone (<c>print detail</c>, <c>print count-only</c>).</summary>
public sealed class FlagArgumentType : ValueType
{
    public static readonly FlagArgumentType Instance = new();

    public override string Description => "";

    public override RosValue Read(string argument, RosValue input) =>
        input is RosNothing || input.Text.Length == 0 ? RosValue.Of(true) : BoolType.Instance.Read(argument, input);
}

/// <summary>A script or code block (<c>do=</c>, <c>on-event=</c>); carried as its source text.</summary>
public sealed class ScriptType : ValueType
{
    public static readonly ScriptType Instance = new();

    public override string Description => "script";

    public override RosValue Read(string argument, RosValue input) => input;
}

/// <summary>Any value, kept as given (<c>:put</c>'s message, <c>:set</c>'s value).</summary>
public sealed class AnyType : ValueType
{
    public static readonly AnyType Instance = new();

    public override string Description => "value";

    public override RosValue Read(string argument, RosValue input) => input;
}

/// <summary><c>subject-alt-name</c>: <c>DNS:</c>, <c>IP:</c>, <c>email:</c> entries, each checked.</summary>
public sealed class SubjectAltNameType : ValueType
{
    public static readonly SubjectAltNameType Instance = new();

    public override string Description => "DNS:<name>|IP:<address>|email:<address>[,...]";

    public override IReadOnlyList<string> Completions => ["DNS:", "IP:", "email:"];

    public override bool Quoted => true;

    public override RosValue Read(string argument, RosValue input)
    {
        string text = input is RosArray array ? string.Join(',', array.Elements.Select(e => e.Value.Text)) : input.Text;
        return Core.Model.SubjectAltNames.TryParse(text, out _, out string error)
            ? RosValue.Of(string.Join(',', text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            : throw Errors.InvalidValue(argument, error);
    }
}

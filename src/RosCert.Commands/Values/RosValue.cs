using System.Globalization;
using RosCert.Core.Model;

namespace RosCert.Commands.Values;

/// <summary>
/// A RouterOS script value. The console, REST and the binary API all carry these; each face
/// renders them its own way (REST and the API as strings, <c>:put</c> as RouterOS prints them).
/// </summary>
public abstract record RosValue
{
    public static readonly RosValue Nothing = new RosNothing();

    /// <summary>The text RouterOS's <c>:put</c> prints and REST sends.</summary>
    public abstract string Text { get; }

    /// <summary>The RouterOS type name (<c>:typeof</c>).</summary>
    public abstract string TypeName { get; }

    public override string ToString() => Text;

    public static RosValue Of(string text) => new RosString(text);

    public static RosValue Of(bool value) => new RosBool(value);

    public static RosValue Of(long value) => new RosNumber(value);

    public static RosValue Of(ItemId id) => new RosId(id);
}

/// <summary>
/// "Unset this property" (<c>set x !trusted</c> on the console): carried as an argument value so
/// that setting and unsetting happen in one command and one transaction.
/// </summary>
public sealed record RosUnset : RosValue
{
    public static readonly RosUnset Instance = new();

    public override string Text => "";

    public override string TypeName => "nothing";
}

public sealed record RosNothing : RosValue
{
    public override string Text => "";

    public override string TypeName => "nothing";
}

public sealed record RosString(string Value) : RosValue
{
    public override string Text => Value;

    public override string TypeName => "str";
}

public sealed record RosNumber(long Value) : RosValue
{
    public override string Text => Value.ToString(CultureInfo.InvariantCulture);

    public override string TypeName => "num";
}

public sealed record RosBool(bool Value) : RosValue
{
    public override string Text => Value ? "true" : "false";

    public override string TypeName => "bool";
}

/// <summary>A duration (RouterOS <c>time</c>), printed like <c>52w6d23h59m58s</c>.</summary>
public sealed record RosDuration(TimeSpan Value) : RosValue
{
    public override string Text => Durations.Format(Value);

    public override string TypeName => "time";
}

public sealed record RosId(ItemId Value) : RosValue
{
    public override string Text => Value.ToString();

    public override string TypeName => "id";
}

/// <summary>
/// A RouterOS array: ordered elements, each with an optional key (<c>{"a";"b"}</c>,
/// <c>{name="x";size=1}</c>). <c>:put</c> joins plain lists with <c>;</c> and keyed ones as <c>k=v;…</c>.
/// </summary>
public sealed record RosArray(IReadOnlyList<RosArrayElement> Elements) : RosValue
{
    public static readonly RosArray Empty = new([]);

    public override string Text => string.Join(';', Elements.Select(e => e.Key is null ? e.Value.Text : e.Key + "=" + e.Value.Text));

    public override string TypeName => "array";

    public static RosArray FromList(IEnumerable<RosValue> values) => new(values.Select(v => new RosArrayElement(null, v)).ToArray());

    public RosValue? this[string key]
    {
        get
        {
            foreach (RosArrayElement element in Elements)
            {
                if (element.Key == key)
                {
                    return element.Value;
                }
            }

            return null;
        }
    }

    public bool Equals(RosArray? other) => other is not null && Elements.SequenceEqual(other.Elements);

    public override int GetHashCode() => Elements.Count;
}

public sealed record RosArrayElement(string? Key, RosValue Value);

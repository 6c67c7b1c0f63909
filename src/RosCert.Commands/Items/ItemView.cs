using RosCert.Commands.Values;
using RosCert.Core.Model;

namespace RosCert.Commands.Items;

/// <summary>
/// What every face sees of one item: its id, its properties in print order (unset ones left out)
/// and its flag letters. Built by the menu's backend; rendered by the console, REST and the API.
/// </summary>
public sealed class ItemView
{
    // Up to this many properties a lookup scans the list: cheaper than a dictionary per item when a
    // print builds 10,000 of them (issue 9). Larger items get the dictionary.
    private const int ScanLimit = 40;

    private readonly Dictionary<string, RosValue>? _byName;

    public ItemView(ItemId? id, IReadOnlyList<KeyValuePair<string, RosValue>> values, string flags)
    {
        Id = id;
        Values = values;
        Flags = flags;
        if (values.Count <= ScanLimit)
        {
            return;
        }

        _byName = new Dictionary<string, RosValue>(values.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, RosValue> pair in values)
        {
            _byName[pair.Key] = pair.Value;
        }
    }

    public ItemId? Id { get; }

    /// <summary>Properties in print order.</summary>
    public IReadOnlyList<KeyValuePair<string, RosValue>> Values { get; }

    /// <summary>Flag letters this item has (<c>KAT</c>).</summary>
    public string Flags { get; }

    public string? Name => this["name"]?.Text;

    /// <summary>The value of a property; a name given twice keeps its last value, as the builder's callers expect.</summary>
    public RosValue? this[string property]
    {
        get
        {
            if (_byName is not null)
            {
                return _byName.TryGetValue(property, out RosValue? value) ? value : null;
            }

            for (int i = Values.Count - 1; i >= 0; i--)
            {
                KeyValuePair<string, RosValue> pair = Values[i];
                if (string.Equals(pair.Key, property, StringComparison.Ordinal))
                {
                    return pair.Value;
                }
            }

            return null;
        }
    }

    public bool HasFlag(char letter) => Flags.Contains(letter, StringComparison.Ordinal);
}

/// <summary>Builds an <see cref="ItemView"/> property by property, skipping unset values.</summary>
public sealed class ItemViewBuilder
{
    private readonly List<KeyValuePair<string, RosValue>> _values = [];
    private readonly System.Text.StringBuilder _flags = new();

    public ItemViewBuilder Add(string property, RosValue? value)
    {
        if (value is not null and not RosNothing)
        {
            _values.Add(new(property, value));
        }

        return this;
    }

    public ItemViewBuilder Add(string property, string? value) => Add(property, value is null ? null : RosValue.Of(value));

    public ItemViewBuilder Flag(char letter, bool present)
    {
        if (present)
        {
            _flags.Append(letter);
        }

        return this;
    }

    public ItemView Build(ItemId? id) => new(id, _values, _flags.ToString());
}

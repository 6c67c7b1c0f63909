using System.Globalization;

namespace RosCert.Core.Model;

/// <summary>
/// A RouterOS internal item id: <c>*</c> followed by upper-case hex (<c>*1</c>, <c>*1F</c>).
/// Ids are per menu, allocated from a counter that only grows, so an id is never reused.
/// </summary>
public readonly record struct ItemId(uint Value) : IComparable<ItemId>
{
    public override string ToString() => "*" + Value.ToString("X", CultureInfo.InvariantCulture);

    public int CompareTo(ItemId other) => Value.CompareTo(other.Value);

    public static bool operator <(ItemId left, ItemId right) => left.Value < right.Value;

    public static bool operator >(ItemId left, ItemId right) => left.Value > right.Value;

    public static bool operator <=(ItemId left, ItemId right) => left.Value <= right.Value;

    public static bool operator >=(ItemId left, ItemId right) => left.Value >= right.Value;

    public static bool TryParse(ReadOnlySpan<char> text, out ItemId id)
    {
        id = default;
        if (text.Length < 2 || text[0] != '*')
        {
            return false;
        }

        if (!uint.TryParse(text[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value) || value == 0)
        {
            return false;
        }

        id = new ItemId(value);
        return true;
    }
}

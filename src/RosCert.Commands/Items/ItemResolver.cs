using System.Globalization;
using RosCert.Commands.Execution;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;

namespace RosCert.Commands.Items;

/// <summary>
/// Turns an item reference into items (reference §2, console conventions): print numbers from the
/// session's last <c>print</c> of the menu (list order when none was made), names, <c>*ids</c>,
/// comma lists of those, and the id arrays <c>[find]</c> returns. Anything that names nothing is
/// <c>no such item</c>.
/// </summary>
public static class ItemResolver
{
    public static IReadOnlyList<ItemView> Resolve(Invocation invocation, RosValue reference)
    {
        IReadOnlyList<ItemView> items = invocation.Items();
        var result = new List<ItemView>();
        foreach (RosValue single in Flatten(reference))
        {
            ItemView item = ResolveOne(invocation, items, single) ?? throw Errors.NoSuchItem();
            if (!result.Contains(item))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static IEnumerable<RosValue> Flatten(RosValue reference) => reference switch
    {
        RosArray array => array.Elements.SelectMany(e => Flatten(e.Value)),
        RosString text when text.Value.Contains(',', StringComparison.Ordinal) =>
            text.Value.Split(',', StringSplitOptions.TrimEntries).Select(RosValue.Of),
        _ => [reference],
    };

    private static ItemView? ResolveOne(Invocation invocation, IReadOnlyList<ItemView> items, RosValue single)
    {
        switch (single)
        {
            case RosId id:
                return items.FirstOrDefault(i => i.Id == id.Value);
            case RosNumber number:
                return ByPrintNumber(invocation, items, number.Value);
        }

        string text = single.Text;
        if (ItemId.TryParse(text, out ItemId parsed))
        {
            return items.FirstOrDefault(i => i.Id == parsed);
        }

        ItemView? byName = items.FirstOrDefault(i => i.Name == text);
        if (byName is not null)
        {
            return byName;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long index)
            ? ByPrintNumber(invocation, items, index)
            : null;
    }

    private static ItemView? ByPrintNumber(Invocation invocation, IReadOnlyList<ItemView> items, long index)
    {
        IReadOnlyList<ItemId>? numbers = invocation.Session.PrintNumbers(invocation.Menu);
        if (numbers is null)
        {
            return index >= 0 && index < items.Count ? items[(int)index] : null;
        }

        return index >= 0 && index < numbers.Count ? items.FirstOrDefault(i => i.Id == numbers[(int)index]) : null;
    }
}

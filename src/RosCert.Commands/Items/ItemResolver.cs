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
        var result = new List<ItemView>();
        foreach (RosValue single in Flatten(reference))
        {
            ItemView item = ResolveOne(invocation, single) ?? throw Errors.NoSuchItem();
            if (!result.Any(r => r.Id == item.Id))
            {
                result.Add(item);
            }
        }

        // An empty reference ([find] that matched nothing) names no item.
        return result.Count > 0 ? result : throw Errors.NoSuchItem();
    }

    private static IEnumerable<RosValue> Flatten(RosValue reference) => reference switch
    {
        RosArray array => array.Elements.SelectMany(e => Flatten(e.Value)),
        RosString text when text.Value.Contains(',', StringComparison.Ordinal) =>
            text.Value.Split(',', StringSplitOptions.TrimEntries).Select(RosValue.Of),
        _ => [reference],
    };

    private static ItemView? ResolveOne(Invocation invocation, RosValue single)
    {
        switch (single)
        {
            case RosId id:
                return invocation.Find(null, id.Value);
            case RosNumber number:
                return ByPrintNumber(invocation, number.Value);
        }

        string text = single.Text;
        if (ItemId.TryParse(text, out ItemId parsed))
        {
            return invocation.Find(null, parsed);
        }

        ItemView? byName = invocation.Find(text, null);
        if (byName is not null)
        {
            return byName;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long index)
            ? ByPrintNumber(invocation, index)
            : null;
    }

    /// <summary>A print number: the session's last <c>print</c> of the menu, else the list order.</summary>
    private static ItemView? ByPrintNumber(Invocation invocation, long index)
    {
        IReadOnlyList<ItemId>? numbers = invocation.Session.PrintNumbers(invocation.Menu);
        if (numbers is null)
        {
            IReadOnlyList<ItemView> items = invocation.Items();
            return index >= 0 && index < items.Count ? invocation.Find(null, items[(int)index].Id) : null;
        }

        return index >= 0 && index < numbers.Count ? invocation.Find(null, numbers[(int)index]) : null;
    }
}

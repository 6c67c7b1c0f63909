using System.Collections;
using RosCert.Commands.Items;

namespace RosCert.Commands.Standard;

/// <summary>
/// The items of a <c>print count-only</c> whose menu counted them without building them: every face
/// prints only <see cref="Count"/> in that mode, so there are no items to hand out.
/// </summary>
internal sealed class CountedItems(int count) : IReadOnlyList<ItemView>
{
    public int Count { get; } = count;

    public ItemView this[int index] => throw new InvalidOperationException("count-only items were counted, not built");

    public IEnumerator<ItemView> GetEnumerator() =>
        throw new InvalidOperationException("count-only items were counted, not built");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

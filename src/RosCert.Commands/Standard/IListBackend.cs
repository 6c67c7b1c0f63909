using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Core.Model;

namespace RosCert.Commands.Standard;

/// <summary>
/// The domain side of a list menu's generic commands. The catalogue derives <c>add</c>, <c>set</c>,
/// <c>unset</c>, <c>reset</c> and <c>remove</c> (names, arguments, help) from the menu's properties;
/// the backend only carries them out inside the command's write transaction.
/// </summary>
public interface IListBackend
{
    ItemId Add(Invocation invocation);

    void Set(Invocation invocation, ItemView target);

    void Unset(Invocation invocation, ItemView target, IReadOnlyList<string> properties);

    void Reset(Invocation invocation, ItemView target);

    void Remove(Invocation invocation, IReadOnlyList<ItemView> targets);
}

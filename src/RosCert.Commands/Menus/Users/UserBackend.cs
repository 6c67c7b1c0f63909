using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Users;

/// <summary>
/// The record backend of <c>/user</c> and <c>/user group</c> with what they add: the built-in
/// items are stored before the first change (<see cref="UserDirectory.EnsureSeeded(Core.Ports.IStoreWriter, string)"/>),
/// a <c>password=</c> argument is replaced by its PBKDF2 hash before anything is stored, and the
/// built-in groups or groups still in use cannot be removed.
/// </summary>
internal sealed class UserBackend(Menu menu) : IListBackend
{
    private readonly RecordBackend _records = new(menu);

    public ItemId Add(Invocation invocation)
    {
        UserDirectory.EnsureSeeded(invocation);
        return _records.Add(Hashed(invocation));
    }

    public void Set(Invocation invocation, ItemView target)
    {
        UserDirectory.EnsureSeeded(invocation);
        _records.Set(Hashed(invocation), target);
    }

    public void Unset(Invocation invocation, ItemView target, IReadOnlyList<string> properties)
    {
        UserDirectory.EnsureSeeded(invocation);
        _records.Unset(invocation, target, properties);
    }

    public void Reset(Invocation invocation, ItemView target)
    {
        UserDirectory.EnsureSeeded(invocation);
        _records.Reset(Hashed(invocation), target);
    }

    public void Remove(Invocation invocation, IReadOnlyList<ItemView> targets)
    {
        UserDirectory.EnsureSeeded(invocation);
        if (menu.Path == UserDirectory.GroupsMenu)
        {
            CheckGroupsUnused(invocation, targets);
        }

        _records.Remove(invocation, targets);
    }

    /// <summary>Sets one stored property (<c>comment</c>, <c>enable</c>, <c>disable</c>).</summary>
    public void SetProperty(Invocation invocation, ItemView target, string name, string value)
    {
        UserDirectory.EnsureSeeded(invocation);
        _records.SetProperty(invocation, target, name, value);
    }

    /// <summary>The same invocation with <c>password</c> replaced by its stored form (the empty string stays empty).</summary>
    private static Invocation Hashed(Invocation invocation)
    {
        if (invocation.Argument("password") is not { } password || password is RosUnset)
        {
            return invocation;
        }

        var arguments = new Dictionary<string, RosValue>(invocation.Arguments, StringComparer.Ordinal)
        {
            ["password"] = RosValue.Of(password.Text.Length == 0 ? "" : PasswordHash.Create(password.Text)),
        };
        return new Invocation(invocation.Session, invocation.Menu, invocation.Command, arguments, invocation.Reader, invocation.Writer);
    }

    /// <summary>RouterOS refuses to remove its default groups and groups that users still belong to.</summary>
    private static void CheckGroupsUnused(Invocation invocation, IReadOnlyList<ItemView> targets)
    {
        foreach (ItemView target in targets)
        {
            if (UserDirectory.DefaultGroupNames.Contains(target.Name))
            {
                throw Errors.Failure("can not remove default group");
            }

            if (UserDirectory.Users(invocation.Reader).Any(u => u.Properties.GetValueOrDefault("group") == target.Name))
            {
                throw Errors.Failure("group is in use");
            }
        }
    }
}

using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Standard;

/// <summary>
/// A list menu whose items are plain property records in the store (<c>/certificate/crl</c> entries
/// added by hand, <c>/certificate/scep-server</c>, later <c>/ip/service</c> and <c>/user</c>): the
/// generic commands work on them with no code beyond the property declarations.
/// </summary>
public sealed class RecordBackend(Menu menu) : IListBackend
{
    public static IReadOnlyList<ItemView> View(Invocation invocation) =>
        invocation.Reader.Items(invocation.Menu.Path).Select(r => ToView(invocation.Menu, r)).ToArray();

    public ItemId Add(Invocation invocation)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (invocation.Argument("copy-from") is { } source)
        {
            ItemView from = ItemResolver.Resolve(invocation, source).Single();
            foreach ((string key, RosValue value) in from.Values)
            {
                properties[key] = Store(value);
            }

            properties.Remove("name");
        }

        foreach (PropertyDef property in menu.Properties.Where(p => p.Default is not null))
        {
            properties.TryAdd(property.Name, property.Default!);
        }

        Merge(properties, invocation);
        CheckRequired(properties);
        ItemId id = invocation.Writer.AllocateId(menu.Path);
        Put(invocation, id, properties);
        return id;
    }

    public void Set(Invocation invocation, ItemView target)
    {
        ItemRecord record = Load(invocation, target);
        var properties = new Dictionary<string, string>(record.Properties, StringComparer.Ordinal);
        Merge(properties, invocation);
        Put(invocation, record.Id, properties);
    }

    /// <summary>Sets one stored property (<c>enable</c>/<c>disable</c>).</summary>
    public void SetProperty(Invocation invocation, ItemView target, string name, string value)
    {
        ItemRecord record = Load(invocation, target);
        var properties = new Dictionary<string, string>(record.Properties, StringComparer.Ordinal) { [name] = value };
        Put(invocation, record.Id, properties);
    }

    public void Unset(Invocation invocation, ItemView target, IReadOnlyList<string> properties)
    {
        ItemRecord record = Load(invocation, target);
        var remaining = new Dictionary<string, string>(record.Properties, StringComparer.Ordinal);
        foreach (string name in properties)
        {
            remaining.Remove(name);
        }

        Put(invocation, record.Id, remaining);
    }

    public void Reset(Invocation invocation, ItemView target)
    {
        ItemRecord record = Load(invocation, target);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (PropertyDef property in menu.Properties)
        {
            string? kept = property.Default ?? record.Properties.GetValueOrDefault(property.Name);
            if (kept is not null)
            {
                properties[property.Name] = kept;
            }
        }

        Merge(properties, invocation);
        Put(invocation, record.Id, properties);
    }

    public void Remove(Invocation invocation, IReadOnlyList<ItemView> targets)
    {
        foreach (ItemView target in targets)
        {
            invocation.Writer.DeleteItem(menu.Path, target.Id!.Value);
        }
    }

    private static ItemView ToView(Menu menu, ItemRecord record)
    {
        var builder = new ItemViewBuilder();
        foreach (PropertyDef property in menu.Properties)
        {
            if (record.Properties.TryGetValue(property.Name, out string? text))
            {
                builder.Add(property.Name, property.Type is BoolType ? RosValue.Of(text == "yes") : RosValue.Of(text));
            }
        }

        foreach (FlagDef flag in menu.Flags)
        {
            builder.Flag(flag.Letter, record.Properties.GetValueOrDefault(flag.Property) == "yes");
        }

        return builder.Build(record.Id);
    }

    private void Merge(Dictionary<string, string> properties, Invocation invocation)
    {
        foreach ((string name, RosValue value) in invocation.Arguments)
        {
            if (menu.Property(name) is not null && value is not RosUnset)
            {
                properties[name] = Store(value);
            }
        }
    }

    private void CheckRequired(Dictionary<string, string> properties)
    {
        string[] missing = menu.Properties.Where(p => p.Required && !properties.ContainsKey(p.Name)).Select(p => p.Name).ToArray();
        if (missing.Length > 0)
        {
            throw Errors.MissingArguments(missing);
        }
    }

    private void Put(Invocation invocation, ItemId id, Dictionary<string, string> properties)
    {
        string? name = properties.GetValueOrDefault("name");
        if (name is not null && invocation.Reader.Items(menu.Path).Any(r => r.Name == name && r.Id != id))
        {
            throw Errors.NameExists(menu.ItemNoun);
        }

        invocation.Writer.PutItem(new ItemRecord(menu.Path, id, name, properties));
    }

    private static ItemRecord Load(Invocation invocation, ItemView target) =>
        invocation.Reader.Items(invocation.Menu.Path).FirstOrDefault(r => r.Id == target.Id) ?? throw Errors.NoSuchItem();

    private static string Store(RosValue value) => value is RosBool b ? (b.Value ? "yes" : "no") : value.Text;
}

using RosCert.Commands.Catalogue;
using RosCert.Commands.Values;
using RosCert.Core.Ports;

namespace RosCert.Commands.Items;

/// <summary>One place that names an item: a property of an item of some menu (<c>ca-cert</c> of a SCEP server).</summary>
public sealed record ItemReference(Menu Menu, ItemRecord Item, string Property)
{
    public override string ToString() => $"{Menu.Path} {Item.Id} ({Property})";
}

/// <summary>
/// Finds and renames references by name between menus, as declared in the catalogue: every
/// property typed <see cref="ItemReferenceType"/> of a record menu. Services store certificates by
/// reference, so a rename is followed (reference §2.21) and a removal of a used item is refused.
/// </summary>
public static class References
{
    public static IEnumerable<ItemReference> To(Catalogue.Catalogue catalogue, IStoreReader reader, string targetMenu, string name)
    {
        foreach ((Menu menu, PropertyDef[] properties) in Referring(catalogue, targetMenu))
        {
            foreach (ItemRecord item in reader.Items(menu.Path))
            {
                foreach (PropertyDef property in properties)
                {
                    if (item.Properties.GetValueOrDefault(property.Name) == name)
                    {
                        yield return new ItemReference(menu, item, property.Name);
                    }
                }
            }
        }
    }

    public static void Rename(Catalogue.Catalogue catalogue, IStoreWriter writer, string targetMenu, string oldName, string newName)
    {
        foreach (ItemReference reference in To(catalogue, writer, targetMenu, oldName).ToArray())
        {
            // Re-read: an earlier rename may have changed another property of the same item.
            ItemRecord current = writer.Items(reference.Menu.Path).First(i => i.Id == reference.Item.Id);
            var properties = new Dictionary<string, string>(current.Properties, StringComparer.Ordinal) { [reference.Property] = newName };
            writer.PutItem(current with { Properties = properties });
        }
    }

    private static IEnumerable<(Menu Menu, PropertyDef[] Properties)> Referring(Catalogue.Catalogue catalogue, string targetMenu) =>
        catalogue.AllMenus()
            .Select(m => (m, m.Properties.Where(p => p.Type is ItemReferenceType r && r.MenuPath == targetMenu).ToArray()))
            .Where(pair => pair.Item2.Length > 0 && pair.m.Kind == MenuKind.List);
}

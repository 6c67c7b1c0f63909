using System.Text.Json;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Menus;
using Xunit;

namespace RosCert.Tests.Commands;

/// <summary>
/// Every command and argument of the RouterOS 7.24 tree (shared/reference/routeros-7.24-tree.json)
/// under the menus RosCert has built is declared in the catalogue, so the parser and <c>?</c> know it.
/// </summary>
public sealed class CatalogueTreeTests
{
    private static readonly string[] s_builtMenus = ["/certificate", "/file", "/system/identity", "/system/clock", "/ip/service", "/system/script", "/system/scheduler"];

    [Fact]
    public void Every_command_and_argument_of_the_tree_is_in_the_catalogue()
    {
        Catalogue catalogue = RouterOsCatalogue.Build();
        var missing = new List<string>();
        using JsonDocument tree = JsonDocument.Parse(File.ReadAllText(TreePath()));
        Walk(tree.RootElement, "", catalogue, missing);
        Assert.Empty(missing);
    }

    private static void Walk(JsonElement node, string path, Catalogue catalogue, List<string> missing)
    {
        foreach (JsonProperty child in node.EnumerateObject())
        {
            if (child.Name.StartsWith('_') || child.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            string childPath = path + "/" + child.Name;
            string type = child.Value.TryGetProperty("_type", out JsonElement t) ? t.GetString()! : "";
            if (type == "cmd")
            {
                CheckCommand(child.Value, path.Length == 0 ? "/" : path, child.Name, catalogue, missing);
            }
            else
            {
                Walk(child.Value, childPath, catalogue, missing);
            }
        }
    }

    private static void CheckCommand(JsonElement command, string menuPath, string name, Catalogue catalogue, List<string> missing)
    {
        if (!s_builtMenus.Any(m => menuPath == m || menuPath.StartsWith(m + "/", StringComparison.Ordinal)) && menuPath != "/")
        {
            return;
        }

        CommandDef? definition = catalogue.Find(menuPath)?.Command(name);
        if (definition is null)
        {
            missing.Add($"{menuPath}/{name}");
            return;
        }

        foreach (JsonProperty argument in command.EnumerateObject().Where(a => !a.Name.StartsWith('_')))
        {
            if (definition.Argument(argument.Name) is null)
            {
                missing.Add($"{menuPath}/{name} {argument.Name}");
            }
        }
    }

    private static string TreePath()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "reference", "routeros-7.24-tree.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/reference/routeros-7.24-tree.json not found above " + AppContext.BaseDirectory);
    }
}

using System.Text.Json;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Menus;
using Xunit;

namespace RosCert.Tests.Users;

/// <summary>Every command and argument of <c>/user</c> in the RouterOS 7.24 tree is in the catalogue.</summary>
public sealed class UserTreeTests
{
    [Fact]
    public void Every_user_command_and_argument_of_the_tree_is_in_the_catalogue()
    {
        Catalogue catalogue = RouterOsCatalogue.Build();
        string path = PasswordHashTests.SourcePath("shared", "reference", "routeros-7.24-tree.json");
        using JsonDocument tree = JsonDocument.Parse(File.ReadAllText(path));
        var missing = new List<string>();
        Walk(tree.RootElement.GetProperty("user"), "/user", catalogue, missing);
        Assert.Empty(missing);
    }

    private static void Walk(JsonElement node, string path, Catalogue catalogue, List<string> missing)
    {
        foreach (JsonProperty child in node.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.Object))
        {
            if (child.Value.GetProperty("_type").GetString() != "cmd")
            {
                Walk(child.Value, path + "/" + child.Name, catalogue, missing);
                continue;
            }

            CommandDef? command = catalogue.Find(path)?.Command(child.Name);
            if (command is null)
            {
                missing.Add(path + "/" + child.Name);
                continue;
            }

            missing.AddRange(child.Value.EnumerateObject()
                .Where(a => !a.Name.StartsWith('_') && command.Argument(a.Name) is null)
                .Select(a => $"{path}/{child.Name} {a.Name}"));
        }
    }
}

namespace RosCert.Commands.Catalogue;

/// <summary>The whole menu tree; every face resolves paths here.</summary>
public sealed class Catalogue(Menu root)
{
    public Menu Root { get; } = root;

    /// <summary>Finds a menu by absolute path (<c>/certificate/crl</c>); null when none.</summary>
    public Menu? Find(string path) =>
        path == "/" ? Root : Root.Descend(path.Split('/', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Every menu of the tree, depth first.</summary>
    public IEnumerable<Menu> AllMenus()
    {
        var stack = new Stack<Menu>([Root]);
        while (stack.Count > 0)
        {
            Menu menu = stack.Pop();
            yield return menu;
            for (int i = menu.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(menu.Children[i]);
            }
        }
    }
}

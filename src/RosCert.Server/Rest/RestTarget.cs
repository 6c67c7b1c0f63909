using RosCert.Commands.Catalogue;

namespace RosCert.Server.Rest;

/// <summary>
/// What a REST path names: a menu of the catalogue (<c>/rest/certificate/crl</c>) and at most one word
/// after it, which is an item id or name (<c>/rest/certificate/*1F</c>, <c>/rest/certificate/ca</c>) or,
/// for <c>POST</c>, a command (<c>/rest/certificate/sign</c>). Menus win over item names, as in RouterOS.
/// </summary>
internal readonly record struct RestTarget(Menu Menu, string? Word)
{
    public static RestTarget Resolve(Catalogue catalogue, string? path)
    {
        Menu menu = catalogue.Root;
        string[] segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        int index = 0;
        while (index < segments.Length && menu.Child(Unescape(segments[index])) is { } child)
        {
            menu = child;
            index++;
        }

        return (segments.Length - index) switch
        {
            0 => new RestTarget(menu, null),
            1 => new RestTarget(menu, Unescape(segments[index])),
            _ => throw RestException.NoSuchPath(Unescape(segments[index])),
        };
    }

    /// <summary>
    /// Routing decodes every escape but <c>%2F</c> in a catch-all value, so an item name holding a
    /// slash still arrives as one segment; decode that one here.
    /// </summary>
    private static string Unescape(string segment) =>
        segment.Contains('%', StringComparison.Ordinal) ? segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) : segment;

    /// <summary>The command a verb maps to; a menu without it is 406, as RouterOS answers (reference §5.1).</summary>
    public CommandDef Command(string name) => Menu.Command(name) ?? throw RestException.NoSuchCommand(name);
}

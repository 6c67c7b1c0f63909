namespace RosCert.Commands.Values;

/// <summary>
/// Items of the command's own menu (<c>numbers</c>, <c>number</c>): print numbers, names, <c>*ids</c>,
/// comma lists or the array <c>[find]</c> returns. Resolved against the menu's items when the
/// command runs, inside its transaction.
/// </summary>
public sealed class ItemListType(bool single) : ValueType
{
    public static readonly ItemListType Many = new(single: false);
    public static readonly ItemListType One = new(single: true);

    public bool Single { get; } = single;

    public override string Description => Single ? "item number" : "list of item numbers";

    public override RosValue Read(string argument, RosValue input) => input;
}

/// <summary>A reference by name to an item of another (or the same) menu: <c>ca=</c>, <c>copy-from=</c>, <c>template=</c>.</summary>
public sealed class ItemReferenceType(string menuPath, params string[] specials) : ValueType
{
    /// <summary>The menu whose item names are valid.</summary>
    public string MenuPath { get; } = menuPath;

    /// <summary>Words accepted besides item names (e.g. <c>none</c>).</summary>
    public IReadOnlyList<string> Specials { get; } = specials;

    public override string Description => "item name";

    public override RosValue Read(string argument, RosValue input) => input;
}

/// <summary>A file of the files area, matched exactly or by a unique prefix.</summary>
public sealed class FileNameType : ValueType
{
    public static readonly FileNameType Instance = new();

    public override string Description => "file name";

    public override bool Quoted => true;

    public override RosValue Read(string argument, RosValue input) => RosValue.Of(input.Text);
}

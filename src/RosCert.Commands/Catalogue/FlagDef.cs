namespace RosCert.Commands.Catalogue;

/// <summary>
/// A flag of a menu: its letter, its legend name and the boolean property it mirrors
/// (<c>K - PRIVATE-KEY</c> is <c>private-key</c>). Flags in one <see cref="Group"/> share a
/// print column (<c>I - ISSUED, R - REVOKED</c>).
/// </summary>
public sealed record FlagDef(char Letter, string LegendName, string Property, int Group);

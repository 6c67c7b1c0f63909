using RosCert.Commands.Values;
using ValueType = RosCert.Commands.Values.ValueType;

namespace RosCert.Commands.Catalogue;

/// <summary>Where a property may be written (reference §3.1: rw, rw-T, ro).</summary>
public enum PropertyAccess
{
    /// <summary>Writable on every item.</summary>
    ReadWrite,

    /// <summary>Writable on templates only; read-only once the item is signed (rw-T).</summary>
    TemplateOnly,

    /// <summary>Computed or set by the system.</summary>
    ReadOnly,
}

/// <summary>
/// One property of a menu's items, declared once: name, type, access, help. Every face binds to it
/// (argument parsing, <c>?</c>, Tab, print columns, REST/API field names).
/// </summary>
public sealed record PropertyDef(string Name, ValueType Type, PropertyAccess Access, string Help)
{
    /// <summary>Default shown by <c>?</c> and applied by <c>add</c>/<c>reset</c>; null when none.</summary>
    public string? Default { get; init; }

    /// <summary><c>add</c> fails without it (<c>missing value(s) of argument(s) …</c>).</summary>
    public bool Required { get; init; }

    /// <summary>Secrets are shown only with <c>show-sensitive</c> by a <c>full</c> user.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Overrides the type's quoting in <c>print detail</c> (reference §4.10).</summary>
    public bool? QuotedOverride { get; init; }

    /// <summary>The brief-print column title; defaults to the upper-cased name.</summary>
    public string ColumnTitle => Name.ToUpperInvariant();

    public bool Quoted => QuotedOverride ?? Type.Quoted;

    /// <summary>Numbers are right-aligned in brief tables (reference §4.10).</summary>
    public bool RightAligned { get; init; }
}

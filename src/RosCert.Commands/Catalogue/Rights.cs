namespace RosCert.Commands.Catalogue;

/// <summary>
/// The right a command needs, matching the RouterOS default user groups: <c>read</c> (print, get,
/// find, export without key), <c>write</c> (changes), <c>full</c> (key export, sensitive values,
/// users and services).
/// </summary>
public enum Rights
{
    Read,
    Write,
    Full,
}

namespace RosCert.Core.Ports;

/// <summary>
/// The RouterOS files area (<c>&lt;data-dir&gt;/files/</c>). Names are relative to it; <c>..</c> and
/// links that lead outside are refused. Writes are atomic (temp file + rename) with mode 0600.
/// </summary>
public interface IFilesArea
{
    IReadOnlyList<FileEntry> List();

    /// <summary>Resolves a user-given name to a full path inside the area, or throws a RouterOS error.</summary>
    string Resolve(string name, bool allowAbsolute);

    byte[] Read(string name, bool allowAbsolute);

    void WriteAtomic(string name, ReadOnlySpan<byte> contents);

    void Delete(string name);
}

/// <summary>A file in the files area: its relative name, size and last change time (UTC).</summary>
public sealed record FileEntry(string Name, long Size, DateTimeOffset LastModified);

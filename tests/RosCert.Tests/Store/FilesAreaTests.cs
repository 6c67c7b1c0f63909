using RosCert.Core.Errors;
using RosCert.Core.Ports;
using RosCert.Store.Files;
using RosCert.Store.IO;
using Xunit;

namespace RosCert.Tests.Store;

public sealed class FilesAreaTests : IDisposable
{
    private const string Outside = "failure: file name may not leave the files area";

    private readonly TempDirectory _temp = new();

    private readonly FilesArea _area;

    public FilesAreaTests()
    {
        _area = new FilesArea(_temp.Combine("data", "files"));
        Directory.CreateDirectory(_temp.Combine("secret"));
        File.WriteAllText(_temp.Combine("secret", "key.pem"), "outside the files area");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("a/..")]
    [InlineData("../secret/key.pem")]
    public void Dot_dot_segments_are_refused(string name)
    {
        Assert.Equal(Outside, Refusal(() => _area.Resolve(name, allowAbsolute: true)));
    }

    [Fact]
    public void Absolute_names_only_resolve_for_a_local_console()
    {
        string absolute = _temp.Combine("secret", "key.pem");

        Assert.Equal(Outside, Refusal(() => _area.Resolve(absolute, allowAbsolute: false)));
        Assert.Equal(Outside, Refusal(() => _area.Read(absolute, allowAbsolute: false)));
        Assert.Equal(absolute, _area.Resolve(absolute, allowAbsolute: true));
        Assert.Equal("outside the files area"u8.ToArray(), _area.Read(absolute, allowAbsolute: true));
    }

    [Fact]
    public void A_symlink_inside_the_area_cannot_lead_out()
    {
        Directory.CreateSymbolicLink(Path.Combine(_area.Root, "escape"), _temp.Combine("secret"));
        File.CreateSymbolicLink(Path.Combine(_area.Root, "key.pem"), _temp.Combine("secret", "key.pem"));
        Directory.CreateDirectory(Path.Combine(_area.Root, "sub"));
        File.CreateSymbolicLink(Path.Combine(_area.Root, "sub", "up.pem"), "../../../secret/key.pem");

        Assert.Equal(Outside, Refusal(() => _area.Read("escape/key.pem", allowAbsolute: false)));
        Assert.Equal(Outside, Refusal(() => _area.Read("key.pem", allowAbsolute: false)));
        Assert.Equal(Outside, Refusal(() => _area.Read("sub/up.pem", allowAbsolute: false)));
        Assert.Equal(Outside, Refusal(() => _area.WriteAtomic("escape/new.pem", "x"u8)));
        Assert.False(File.Exists(_temp.Combine("secret", "new.pem")));
        Assert.Empty(_area.List());
    }

    [Fact]
    public void A_symlink_that_stays_inside_the_area_is_followed()
    {
        _area.WriteAtomic("certs/ca.crt", "ca"u8);
        File.CreateSymbolicLink(Path.Combine(_area.Root, "current.crt"), "certs/ca.crt");

        Assert.Equal("ca"u8.ToArray(), _area.Read("current.crt", allowAbsolute: false));
    }

    [Fact]
    public void Write_creates_directories_and_private_files_and_list_is_sorted()
    {
        _area.WriteAtomic("b.crt", "bb"u8);
        _area.WriteAtomic("a/z/deep.p12", "deep"u8);
        _area.WriteAtomic("a/x.pem", "x"u8);
        _area.WriteAtomic("a/x.pem", "replaced"u8);

        IReadOnlyList<FileEntry> files = _area.List();

        Assert.Equal(["a/x.pem", "a/z/deep.p12", "b.crt"], files.Select(f => f.Name));
        Assert.Equal([8L, 4L, 2L], files.Select(f => f.Size));
        Assert.Equal("replaced"u8.ToArray(), _area.Read("a/x.pem", allowAbsolute: false));
        Assert.Equal(UnixFiles.PrivateFile, UnixFiles.GetMode(Path.Combine(_area.Root, "a", "x.pem")));
        Assert.Equal(UnixFiles.PrivateDirectory, UnixFiles.GetMode(Path.Combine(_area.Root, "a")));
        Assert.Equal(UnixFiles.PrivateDirectory, UnixFiles.GetMode(Path.Combine(_area.Root, "a", "z")));
        Assert.All(files, f => Assert.Equal(TimeSpan.Zero, f.LastModified.Offset));
    }

    [Fact]
    public void Delete_removes_a_file_and_missing_files_say_so()
    {
        _area.WriteAtomic("gone.crt", "g"u8);

        _area.Delete("gone.crt");

        Assert.Empty(_area.List());
        Assert.Equal("failure: no such file", Refusal(() => _area.Delete("gone.crt")));
        Assert.Equal("failure: no such file", Refusal(() => _area.Read("gone.crt", allowAbsolute: false)));
        Assert.Equal("failure: no such file", Refusal(() => _area.Read("", allowAbsolute: false)));
    }

    private static string Refusal(Action action)
    {
        var error = Assert.Throws<RouterOsException>(action);
        Assert.Equal(ErrorKind.Failure, error.Kind);
        return error.Message;
    }
}

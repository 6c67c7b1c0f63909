using RosCert.Store;
using RosCert.Store.IO;
using Xunit;

namespace RosCert.Tests.Store;

public sealed class DataDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Path_comes_from_the_argument_then_the_variable_then_xdg_data_then_home()
    {
        Dictionary<string, string?> env = new()
        {
            ["ROSCERT_DATA_DIR"] = "/srv/roscert",
            ["XDG_DATA_HOME"] = "/xdg",
            ["HOME"] = "/home/u",
        };

        Assert.Equal("/opt/data", DataDirectory.ResolvePath("/opt/data", env.GetValueOrDefault));
        Assert.Equal("/srv/roscert", DataDirectory.ResolvePath(null, env.GetValueOrDefault));
        env.Remove("ROSCERT_DATA_DIR");
        Assert.Equal("/xdg/roscert", DataDirectory.ResolvePath(null, env.GetValueOrDefault));
        env["XDG_DATA_HOME"] = "";
        Assert.Equal("/home/u/.local/share/roscert", DataDirectory.ResolvePath(null, env.GetValueOrDefault));
    }

    [Fact]
    public void Open_creates_the_directory_and_files_area_with_mode_0700()
    {
        string path = _temp.Combine("xdg", "roscert");

        DataDirectory data = DataDirectory.Open(environment: name => name == "XDG_DATA_HOME" ? _temp.Combine("xdg") : null);

        Assert.Equal(path, data.Path);
        Assert.Equal(UnixFiles.PrivateDirectory, UnixFiles.GetMode(data.Path));
        Assert.Equal(UnixFiles.PrivateDirectory, UnixFiles.GetMode(data.FilesPath));
        Assert.Equal(Path.Combine(path, "store.db"), data.DatabasePath);
        Assert.Equal(Path.Combine(path, "files"), data.FilesPath);
    }
}

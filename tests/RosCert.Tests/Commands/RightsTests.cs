using RosCert.Commands.Catalogue;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Commands;

/// <summary>The rights table in the catalogue holds for every face: read cannot change or export keys.</summary>
public sealed class RightsTests
{
    [Fact]
    public void A_read_user_can_print_and_export_certificates_but_not_change_sign_or_export_keys()
    {
        using var admin = new TestConsole();
        admin.Run("add name=srv common-name=srv");
        admin.Run("sign srv");
        admin.Run("export-certificate srv export-passphrase=secret");

        using var reader = new TestConsole(admin.DataPath, Rights.Read);
        Assert.Equal("1\n", reader.Run("print count-only"));
        Assert.Equal("", reader.Run("export-certificate srv"));
        Assert.Equal("not enough permissions\n", reader.Run("export-certificate srv export-passphrase=x"));
        Assert.Equal("not enough permissions\n", reader.Run("add name=t"));
        Assert.Equal("not enough permissions\n", reader.Run("remove srv"));
        Assert.Equal("not enough permissions\n", reader.Run("/file get cert_export_srv.key contents"));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", reader.Run("/file get cert_export_srv.crt contents"), StringComparison.Ordinal);
        Assert.Equal("1\n", admin.Run("print count-only"));
    }

    [Fact]
    public void A_write_user_can_sign_but_not_export_a_key()
    {
        using var admin = new TestConsole();
        using var writer = new TestConsole(admin.DataPath, Rights.Write);
        writer.Run("add name=srv common-name=srv");
        Assert.EndsWith("  progress: done\n", writer.Run("sign srv"), StringComparison.Ordinal);
        Assert.Equal("not enough permissions\n", writer.Run("export-certificate srv type=pkcs12 export-passphrase=x"));
    }
}

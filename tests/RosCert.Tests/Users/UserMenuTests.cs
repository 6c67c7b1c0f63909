using RosCert.Commands.Catalogue;
using RosCert.Commands.Menus.Users;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Users;

public sealed class UserMenuTests
{
    [Fact]
    public void Default_admin_and_groups_are_there_before_anything_is_stored()
    {
        using var console = new TestConsole();
        Assert.Contains("admin", console.Run("/user print"), StringComparison.Ordinal);
        string groups = console.Run("/user group print");
        Assert.All(["read", "write", "full"], g => Assert.Contains(g, groups, StringComparison.Ordinal));
        Assert.Empty(console.Environment.Store.Read(r => r.Items("/user")));
    }

    [Fact]
    public void First_change_stores_the_defaults_with_the_ids_they_were_shown_with()
    {
        using var console = new TestConsole();
        Assert.Equal("", console.Run("/user add name=bob group=read password=hunter2"));
        IReadOnlyList<ItemRecord> users = console.Environment.Store.Read(r => r.Items("/user"));
        Assert.Equal(["admin", "bob"], users.Select(u => u.Name));
        Assert.Equal(new ItemId(1), users[0].Id);
        Assert.Empty(console.Environment.Store.Read(r => r.Items("/user/group")));

        console.Run("/user group set write comment=changed");
        Assert.Equal(["read", "write", "full"], console.Environment.Store.Read(r => r.Items("/user/group")).Select(g => g.Name));
        Assert.Contains("changed", console.Run("/user group print detail where name=write"), StringComparison.Ordinal);
    }

    [Fact]
    public void Removed_defaults_do_not_come_back()
    {
        using var console = new TestConsole();
        console.Run("/user add name=bob group=full password=x");
        Assert.Equal("", console.Run("/user remove admin"));
        Assert.DoesNotContain("admin", console.Run("/user print"), StringComparison.Ordinal);
    }

    [Fact]
    public void Password_is_stored_as_a_hash_and_never_printed()
    {
        using var console = new TestConsole();
        console.Run("/user add name=bob group=read password=hunter2");
        string stored = console.Environment.Store.Read(r => r.Items("/user")).Single(u => u.Name == "bob").Properties["password"];
        Assert.StartsWith("pbkdf2-sha256$100000$", stored, StringComparison.Ordinal);
        Assert.True(PasswordHash.Verify("hunter2", stored));
        foreach (string command in new[] { "/user print detail", "/user print detail show-sensitive", "/user print terse", ":put [/user get bob]", ":put [/user get bob password]", ":put [/user print as-value]" })
        {
            string output = console.Run(command);
            Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
            Assert.DoesNotContain("pbkdf2", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Users_and_groups_are_full_work()
    {
        using var console = new TestConsole(rights: Rights.Write);
        Assert.Contains("not enough permissions", console.Run("/user set admin password=x"), StringComparison.Ordinal);
        Assert.Contains("not enough permissions", console.Run("/user group add name=ops policy=read"), StringComparison.Ordinal);
        Assert.Contains("admin", console.Run("/user print"), StringComparison.Ordinal);
    }

    [Fact]
    public void Group_must_exist()
    {
        using var console = new TestConsole();
        Assert.Contains("input does not match any value of group", console.Run("/user add name=bob group=nobody"), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_groups_and_groups_in_use_cannot_be_removed()
    {
        using var console = new TestConsole();
        Assert.Contains("can not remove default group", console.Run("/user group remove read"), StringComparison.Ordinal);
        console.Run("/user group add name=ops policy=read,write");
        console.Run("/user add name=bob group=ops");
        Assert.Contains("group is in use", console.Run("/user group remove ops"), StringComparison.Ordinal);
        console.Run("/user remove bob");
        Assert.Equal("", console.Run("/user group remove ops"));
    }

    [Fact]
    public void Group_export_lists_added_groups()
    {
        using var console = new TestConsole();
        console.Run("/user group add name=ops policy=write,read comment=\"night shift\"");
        Assert.Equal("/user/group\nadd name=ops policy=read,write comment=\"night shift\"\n", console.Run("/user group export"));
    }

    [Theory]
    [InlineData("read", Rights.Read)]
    [InlineData("write", Rights.Write)]
    [InlineData("full", Rights.Full)]
    public void Default_groups_map_to_rights(string group, Rights expected)
    {
        using var console = new TestConsole();
        ItemRecord record = console.Environment.Store.Read(UserDirectory.Groups).Single(g => g.Name == group);
        Assert.Equal(expected, UserDirectory.RightsOf(record));
    }

    [Theory]
    [InlineData("read,write", Rights.Write)]
    [InlineData("read,ssh", Rights.Read)]
    [InlineData("read,write,policy", Rights.Full)]
    [InlineData("ssh,api", null)]
    public void Custom_groups_get_their_right_from_their_policy(string policy, Rights? expected)
    {
        var group = new ItemRecord("/user/group", new ItemId(9), "x", new Dictionary<string, string> { ["policy"] = policy });
        Assert.Equal(expected, UserDirectory.RightsOf(group));
    }

    [Fact]
    public void Address_takes_prefixes_and_refuses_other_text()
    {
        using var console = new TestConsole();
        Assert.Equal("", console.Run("/user set admin address=192.168.88.0/24,::1"));
        Assert.Contains("invalid value for argument address", console.Run("/user set admin address=nowhere"), StringComparison.Ordinal);
    }
}

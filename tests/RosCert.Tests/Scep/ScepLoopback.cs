using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RosCert.Server.Scep;

namespace RosCert.Tests.Scep;

/// <summary>The fixture's SCEP server on a loopback Kestrel with a free port.</summary>
internal static class ScepLoopback
{
    /// <summary>Starts the app; returns it with the base address (no path).</summary>
    public static async Task<(WebApplication App, string Address)> StartAsync(ScepServerFixture server)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.MapScep(server.Console.Environment);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}

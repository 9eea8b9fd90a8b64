using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dashboard.App.Infrastructure;

/// <summary>
/// The address the app listens on. Standard hosting settings decide it (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, <c>Kestrel:Endpoints</c>); only when none is given does the app use
/// http://localhost:5024, so appsettings never pins it over them.
/// </summary>
public static class HostingAddress
{
    public const string Default = "http://localhost:5024";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"]) || !string.IsNullOrWhiteSpace(configuration["http_ports"]) ||
        !string.IsNullOrWhiteSpace(configuration["https_ports"]) || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    /// <summary>The first address actually bound (a real port for :0), with a wildcard host shown as localhost.</summary>
    public static string Public(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? Default;
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
        {
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }
        return address.TrimEnd('/');
    }
}

using Dashboard.App.Data;
using Dashboard.App.Live;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.App.Infrastructure;

/// <summary>
/// What lets several instances serve one agency behind a sticky load balancer (README, "Several instances"):
/// Data Protection keys in the shared database (a cookie, antiforgery token or setup form issued by one instance is
/// read by every other), and the Redis live feed (<see cref="ClusterFeed"/>) when <c>Redis:Configuration</c> is set.
/// </summary>
public static class ScaleOut
{
    /// <summary>The Data Protection application name: keys are shared by name, not by the folder the app runs from.</summary>
    public const string ApplicationName = "Renaksi Live";

    public static IServiceCollection AddDashboardScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<DashboardDbContext>();
        services.Configure<ClusterFeedOptions>(configuration.GetSection(ClusterFeedOptions.SectionName));
        services.AddSingleton<ClusterFeed>();
        services.AddSingleton<ClusterFeedListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterFeedListener>());
        return services;
    }

    /// <summary>Makes sure a key exists before the first request, so that instances started one after the other share
    /// the first instance's key instead of each creating one.</summary>
    public static void EnsureDataProtectionKey(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Renaksi.Startup").Protect("ok"u8.ToArray());
}

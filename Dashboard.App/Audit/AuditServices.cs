using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.App.Audit;

public static class AuditServices
{
    /// <summary>The audit log reader. Safe to call more than once.</summary>
    public static IServiceCollection AddAuditQuery(this IServiceCollection services)
    {
        services.TryAddSingleton<AuditQuery>();
        return services;
    }
}

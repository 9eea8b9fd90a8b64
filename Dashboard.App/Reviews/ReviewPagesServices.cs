using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.App.Reviews;

public static class ReviewPagesServices
{
    /// <summary>Services behind /verifikasi, /triwulan, /kepatuhan and /tugas. Idempotent (TryAdd), so calling it twice is harmless.</summary>
    public static IServiceCollection AddReviewPages(this IServiceCollection services)
    {
        services.TryAddSingleton<QuarterLockService>();
        services.TryAddSingleton<ComplianceService>();
        services.TryAddSingleton<ReviewQueue>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.App.Plans;

public static class PlanEditorServices
{
    /// <summary>Services behind /rencana (plan editor, next-year copy). Needs LiveUpdates and the core services. Idempotent.</summary>
    public static IServiceCollection AddPlanEditor(this IServiceCollection services)
    {
        services.TryAddSingleton<PlanEditService>();
        services.TryAddSingleton<PlanYearService>();
        return services;
    }
}

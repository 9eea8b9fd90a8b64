using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.App.Reports;

public static class ReportServices
{
    /// <summary>Services behind /laporan. Safe to call more than once.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddSingleton<EvaluationReportService>();
        return services;
    }
}

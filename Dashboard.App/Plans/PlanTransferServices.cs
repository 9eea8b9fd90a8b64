using Dashboard.App.Data;
using Dashboard.Domain.Access;
using Dashboard.Domain.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.App.Plans;

/// <summary>The plan as .xlsx with its realisation to date, for the download endpoint and the command line.</summary>
public sealed class PlanExportService(Dashboard.App.Live.PlanReadModel plans, AgencyClock clock)
{
    /// <summary>The workbook, or null when the year has no plan.</summary>
    public async Task<byte[]?> XlsxAsync(int year, CancellationToken ct = default)
    {
        var snapshot = await plans.GetAsync(year, ct);
        if (snapshot is null) return null;
        var evaluation = snapshot.Evaluation;
        var asOf = $"Realisasi per {EntryWindow.IdDate(clock.Today)}" + (snapshot.HasSampleData ? " (berisi data contoh, bukan data resmi)" : "");
        return PlanXlsxExporter.Write(evaluation, asOf);
    }
}

public static class PlanTransferServices
{
    /// <summary>Download path of a year's plan as .xlsx.</summary>
    public static string ExportPath(int year) => $"/rencana/{year}/ekspor.xlsx";

    /// <summary>
    /// Services behind /rencana/impor, the .xlsx download and the import/export verbs: <see cref="PlanImportOptions"/>
    /// from "Dashboard:PlanImport", <see cref="PlanImportService"/>, <see cref="PlanExportService"/>. Idempotent.
    /// </summary>
    public static IServiceCollection AddPlanTransfer(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(PlanImportService))) return services;
        services.Configure<PlanImportOptions>(configuration.GetSection(PlanImportOptions.SectionName));
        // Singletons: they hold configuration only; each operation opens its own DbContext.
        services.TryAddSingleton<PlanImportService>();
        services.TryAddSingleton<PlanExportService>();
        return services;
    }

    /// <summary>GET /rencana/{year}/ekspor.xlsx for Admin, Perencana and Kepala Dinas.</summary>
    public static IEndpointRouteBuilder MapPlanTransfer(this IEndpointRouteBuilder app)
    {
        app.MapGet("/rencana/{year:int}/ekspor.xlsx", DownloadAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Planner, Roles.Head));
        return app;
    }

    private static async Task<IResult> DownloadAsync(int year, PlanExportService export, CancellationToken ct) =>
        await export.XlsxAsync(year, ct) is { } bytes
            ? Results.File(bytes, PlanXlsxExporter.ContentType, PlanXlsxExporter.FileName(year))
            : Results.NotFound();
}

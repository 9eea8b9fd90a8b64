using Dashboard.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Data;

/// <summary>Brings the database to the current migration and loads the bundled Renaksi on first start.</summary>
public sealed class PlanSeeder(IDbContextFactory<DashboardDbContext> factory, PlanRepository plans, ILogger<PlanSeeder> logger)
{
    public const string BundledPlanResource = "Dashboard.App.Data.Seed.renaksi-2025.json";

    public async Task MigrateAndSeedAsync(CancellationToken ct = default)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                // WAL lets dashboards read while an officer writes.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }

        var plan = LoadBundledPlan();
        if ((await plans.YearsAsync(ct)).Contains(plan.Year)) return;
        await plans.AddAsync(plan, ct);
        logger.LogInformation("Rencana aksi {Year} dimuat: {Nodes} node, {Indicators} indikator.",
            plan.Year, plan.AllNodes().Count(), plan.AllIndicators().Count());
    }

    public static Plan LoadBundledPlan()
    {
        using var stream = typeof(PlanSeeder).Assembly.GetManifestResourceStream(BundledPlanResource)
            ?? throw new InvalidOperationException($"Resource {BundledPlanResource} tidak ditemukan.");
        return PlanJson.Read(stream);
    }
}

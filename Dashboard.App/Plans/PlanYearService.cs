using System.Globalization;
using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Security;
using Dashboard.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Plans;

/// <summary>The outcome of copying a plan to the next year.</summary>
public sealed record CopyYearResult(bool Ok, string Message, int? Year = null, int Nodes = 0, int Indicators = 0)
{
    public static CopyYearResult Fail(string message) => new(false, message);
}

/// <summary>The plan years: which exist, and starting next year's plan from this year's (admins only).</summary>
public sealed class PlanYearService(IDbContextFactory<DashboardDbContext> factory, Dashboard.App.Live.PlanReadModel plans, LiveUpdates live, TimeProvider time)
{
    public Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default) => plans.YearsAsync(ct);

    /// <summary>
    /// Copies the tree and indicators of <paramref name="fromYear"/> (same codes, labels, titles, units, polarity, aggregation,
    /// remarks and order) to the year after, with the targets carried over or all 0. Refused when that year has a plan.
    /// Realisation, narratives, evidence, verification, locks and assignments are not copied; the new plan is not signed yet.
    /// </summary>
    public async Task<CopyYearResult> CopyToNextYearAsync(ActingUser actor, int fromYear, bool carryTargets, CancellationToken ct = default)
    {
        PlanEditService.Demand(actor);
        var toYear = fromYear + 1;
        if (toYear > 2100) return CopyYearResult.Fail($"Tahun {toYear} di luar batas rencana.");
        var now = time.GetUtcNow();

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var source = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Year == fromYear, ct);
        if (source is null) return CopyYearResult.Fail($"Rencana tahun {fromYear} tidak ada.");
        if (await db.Plans.AnyAsync(p => p.Year == toYear, ct)) return CopyYearResult.Fail($"Rencana tahun {toYear} sudah ada; tidak disalin ulang.");

        var nodes = await db.Nodes.AsNoTracking().Where(n => n.PlanId == source.Id).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == source.Id).ToListAsync(ct);
        var target = new PlanRecord
        {
            Year = toYear, Agency = source.Agency, SignedPlace = source.SignedPlace, SignerTitle = source.SignerTitle, CreatedAt = now,
            Title = source.Title.Replace(fromYear.ToString(CultureInfo.InvariantCulture), toYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        };
        db.Plans.Add(target);
        await db.SaveChangesAsync(ct);

        // Parents before children: one SaveChanges per depth, so each level knows its parents' new ids.
        var byParent = nodes.ToLookup(n => n.ParentId);
        var indicatorsByNode = indicators.ToLookup(i => i.NodeId);
        var newIds = new Dictionary<int, int>();
        var level = byParent[null].ToList();
        while (level.Count > 0)
        {
            var copies = level.Select(n => (Source: n, Copy: new NodeRecord
            {
                PlanId = target.Id, ParentId = n.ParentId is { } p ? newIds[p] : null, Code = n.Code, Level = n.Level, Label = n.Label,
                Title = n.Title, SortOrder = n.SortOrder,
                Indicators = indicatorsByNode[n.Id].Select(i => new IndicatorRecord
                {
                    PlanId = target.Id, Code = i.Code, Name = i.Name, Unit = i.Unit, Polarity = i.Polarity, Aggregation = i.Aggregation,
                    Remark = i.Remark, SortOrder = i.SortOrder,
                    AnnualTarget = carryTargets ? i.AnnualTarget : 0m, TargetTw1 = carryTargets ? i.TargetTw1 : 0m,
                    TargetTw2 = carryTargets ? i.TargetTw2 : 0m, TargetTw3 = carryTargets ? i.TargetTw3 : 0m, TargetTw4 = carryTargets ? i.TargetTw4 : 0m,
                }).ToList(),
            })).ToList();
            db.Nodes.AddRange(copies.Select(c => c.Copy));
            await db.SaveChangesAsync(ct);
            foreach (var (sourceNode, copy) in copies) newIds[sourceNode.Id] = copy.Id;
            level = copies.SelectMany(c => byParent[c.Source.Id]).ToList();
        }

        AuditLog.Add(db, now, actor.UserName, AuditActions.PlanChanged, "Rencana", toYear.ToString(CultureInfo.InvariantCulture), after: new
        {
            Tahun = toYear, DisalinDari = fromYear, Target = carryTargets ? "dibawa" : "dikosongkan", Node = nodes.Count, Indikator = indicators.Count,
        }, detail: $"Rencana {toYear} disalin dari {fromYear}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        await live.PublishAsync(new PlanStructureChanged(toYear, actor.DisplayName, now));
        return new CopyYearResult(true, $"Rencana {fromYear} disalin ke {toYear}: {nodes.Count} node, {indicators.Count} indikator, target {(carryTargets ? "dibawa" : "dikosongkan")}.",
            toYear, nodes.Count, indicators.Count);
    }
}

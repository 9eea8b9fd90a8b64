using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Data;

/// <summary>Reads and writes whole plans; maps between EF records and the domain model. Screens do not load plans
/// themselves: they read <see cref="Dashboard.App.Live.PlanReadModel"/>, which loads through here once per plan.</summary>
public sealed class PlanRepository(IDbContextFactory<DashboardDbContext> factory, TimeProvider time, Dashboard.Domain.Status.StatusEvaluator evaluator)
{
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Plans.AsNoTracking().OrderBy(p => p.Year).Select(p => p.Year).ToListAsync(ct);
    }

    /// <summary>One committed entry and its quarter's current review state, as the read model holds them (for a change
    /// committed by another instance); null when the entry does not exist.</summary>
    public async Task<(RealisationEntry Entry, ReviewView? Review)?> LoadEntryAsync(long entryId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await db.Realisations.AsNoTracking().Where(r => r.Id == entryId)
            .Join(db.Indicators, r => r.IndicatorId, i => i.Id, (r, i) => new { Record = r, i.Code })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var r = found.Record;
        var review = await db.Reviews.AsNoTracking().Where(v => v.IndicatorId == r.IndicatorId && v.Quarter == r.Quarter)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        var entry = new RealisationEntry(found.Code, r.Quarter, r.Date, Decimals.Trim(r.Value), r.RecordedAt, r.RecordedBy, r.Kecamatan, r.Note, r.Id, r.CorrectsId);
        return (entry, review is null ? null : new ReviewView((Dashboard.Domain.Reviews.ReviewState)review.State, review.Version, review.Reason, review.By, review.At));
    }

    public async Task<PlanSnapshot?> LoadAsync(int year, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Year == year, ct);
        if (record is null) return null;
        var nodes = await db.Nodes.AsNoTracking().Where(n => n.PlanId == record.Id).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == record.Id).ToListAsync(ct);
        var indicatorIds = indicators.ToDictionary(i => i.Id, i => i.Code);
        var realisations = await db.Realisations.AsNoTracking()
            .Where(r => db.Indicators.Any(i => i.Id == r.IndicatorId && i.PlanId == record.Id))
            .ToListAsync(ct);

        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => db.Indicators.Any(i => i.Id == r.IndicatorId && i.PlanId == record.Id))
            .ToListAsync(ct);

        var plan = ToDomain(record, nodes, indicators);
        var entries = realisations
            .OrderBy(r => r.Id)
            .Select(r => new RealisationEntry(indicatorIds[r.IndicatorId], r.Quarter, r.Date, Decimals.Trim(r.Value), r.RecordedAt,
                r.RecordedBy, r.Kecamatan, r.Note, r.Id, r.CorrectsId))
            .ToList();
        var current = reviews.GroupBy(r => (indicatorIds[r.IndicatorId], r.Quarter))
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version) is var r
                ? new ReviewView((Dashboard.Domain.Reviews.ReviewState)r!.State, r.Version, r.Reason, r.By, r.At)
                : ReviewView.None);
        return PlanSnapshot.Create(plan, entries, realisations.Any(r => r.IsSample), time.GetUtcNow(), current, evaluator, indicators.ToDictionary(i => i.Code, i => i.Id, StringComparer.Ordinal));
    }

    /// <summary>Stores a new plan; refuses a year that already has one.</summary>
    public Task<int> AddAsync(Plan plan, CancellationToken ct = default) => AddAsync(plan, null, ct);

    /// <summary>Stores a new plan; <paramref name="inTransaction"/> (given the context and the plan's id) adds rows that
    /// must commit with it, such as the audit row of an import.</summary>
    public async Task<int> AddAsync(Plan plan, Action<DashboardDbContext, int>? inTransaction, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Plans.AnyAsync(p => p.Year == plan.Year, ct))
        {
            throw new InvalidOperationException($"Rencana tahun {plan.Year} sudah ada.");
        }

        var record = new PlanRecord
        {
            Year = plan.Year, Agency = plan.Agency, Title = plan.Title, SignedPlace = plan.SignedPlace,
            SignedDate = plan.SignedDate, SignerTitle = plan.SignerTitle, CreatedAt = time.GetUtcNow(),
        };
        db.Plans.Add(record);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var order = 0;
        foreach (var root in plan.Roots) await AddNodeAsync(db, record.Id, null, root, () => order++, ct);
        if (inTransaction is not null)
        {
            inTransaction(db, record.Id);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return record.Id;
    }

    private static async Task AddNodeAsync(DashboardDbContext db, int planId, int? parentId, PlanNode node, Func<int> nextOrder, CancellationToken ct)
    {
        var record = new NodeRecord
        {
            PlanId = planId, ParentId = parentId, Code = node.Code, Level = (int)node.Level, Label = node.Label,
            Title = node.Title, SortOrder = nextOrder(),
        };
        var i = 0;
        foreach (var indicator in node.Indicators)
        {
            record.Indicators.Add(new IndicatorRecord
            {
                PlanId = planId, Code = indicator.Code, Name = indicator.Name, Unit = indicator.Unit,
                Polarity = (int)indicator.Polarity, Aggregation = (int)indicator.Aggregation,
                AnnualTarget = indicator.AnnualTarget,
                TargetTw1 = indicator.QuarterTargets[0], TargetTw2 = indicator.QuarterTargets[1],
                TargetTw3 = indicator.QuarterTargets[2], TargetTw4 = indicator.QuarterTargets[3],
                Remark = indicator.Remark, SortOrder = i++,
            });
        }
        db.Nodes.Add(record);
        await db.SaveChangesAsync(ct);
        foreach (var child in node.Children) await AddNodeAsync(db, planId, record.Id, child, nextOrder, ct);
    }

    private static Plan ToDomain(PlanRecord record, List<NodeRecord> nodes, List<IndicatorRecord> indicators)
    {
        var byParent = nodes.ToLookup(n => n.ParentId);
        var indicatorsByNode = indicators.ToLookup(i => i.NodeId);

        PlanNode Build(NodeRecord n)
        {
            var node = new PlanNode(n.Code, (NodeLevel)n.Level, n.Title, n.Label);
            foreach (var i in indicatorsByNode[n.Id].OrderBy(i => i.SortOrder))
            {
                node.AddIndicator(new Indicator(i.Code, i.Name, i.Unit, Decimals.Trim(i.AnnualTarget),
                    [Decimals.Trim(i.TargetTw1), Decimals.Trim(i.TargetTw2), Decimals.Trim(i.TargetTw3), Decimals.Trim(i.TargetTw4)],
                    (Polarity)i.Polarity, (Aggregation)i.Aggregation, i.Remark));
            }
            foreach (var child in byParent[n.Id].OrderBy(c => c.SortOrder)) node.AddChild(Build(child));
            return node;
        }

        var roots = byParent[null].OrderBy(n => n.SortOrder).Select(Build).ToList();
        return new Plan(record.Year, record.Agency, record.Title, roots)
        {
            SignedPlace = record.SignedPlace, SignedDate = record.SignedDate, SignerTitle = record.SignerTitle,
        };
    }
}

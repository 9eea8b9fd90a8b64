// Synthetic plans for the bigplan verb: a Tujuan > Sasaran > Program > Kegiatan > Sub Kegiatan tree of a given number
// of indicators, stored through PlanRepository.AddAsync, and a year of entries and reviews bulk-inserted next to it.
using Dashboard.App.Data;
using Dashboard.App.Infrastructure;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Bench;

public static class SyntheticPlan
{
    private const int PerSubKegiatan = 5;

    /// <summary>
    /// A balanced tree with the same fan-out f at every level; every Sasaran and Program carries one level indicator
    /// (visible with the dashboard's default expansion: <c>T1.S1.P1.I1</c> exists as in the real plan), every Sub
    /// Kegiatan five (cumulative and level alternating); nodes are added in order until there are
    /// <paramref name="indicators"/> indicators.
    /// </summary>
    public static Plan Generate(int indicators, int year = 2025)
    {
        var f = 2;
        while (Math.Pow(f, 5) * PerSubKegiatan + Math.Pow(f, 2) + Math.Pow(f, 3) < indicators) f++;
        var count = 0;
        var roots = new List<PlanNode>();
        for (var t = 1; count < indicators && t <= f; t++)
        {
            var tujuan = new PlanNode($"T{t}", NodeLevel.Tujuan, $"Tujuan sintetis {t}", $"Tujuan {t}");
            roots.Add(tujuan);
            for (var s = 1; count < indicators && s <= f; s++)
            {
                var sasaran = tujuan.AddChild(new PlanNode($"{tujuan.Code}.S{s}", NodeLevel.Sasaran, $"Sasaran sintetis {t}.{s}", $"Sasaran {s}"));
                Add(sasaran, 1, level: true);
                for (var p = 1; count < indicators && p <= f; p++)
                {
                    var program = sasaran.AddChild(new PlanNode($"{sasaran.Code}.P{p}", NodeLevel.Program, $"Program sintetis {t}.{s}.{p}", $"Program {p}"));
                    Add(program, 1, level: true);
                    for (var k = 1; count < indicators && k <= f; k++)
                    {
                        var kegiatan = program.AddChild(new PlanNode($"{program.Code}.K{k}", NodeLevel.Kegiatan, $"Kegiatan sintetis {k}", $"Kegiatan {k}"));
                        for (var sk = 1; count < indicators && sk <= f; sk++)
                        {
                            var sub = kegiatan.AddChild(new PlanNode($"{kegiatan.Code}.SK{sk}", NodeLevel.SubKegiatan, $"Sub kegiatan sintetis {sk}", $"Sub Kegiatan {sk}"));
                            for (var i = 1; count < indicators && i <= PerSubKegiatan; i++) Add(sub, i, level: i % 2 == 0);
                        }
                    }
                }
            }
        }
        return new Plan(year, "Dinas Sintetis", $"Rencana Aksi sintetis {indicators} indikator", roots);

        void Add(PlanNode node, int i, bool level)
        {
            if (count >= indicators) return;
            node.AddIndicator(level
                ? new Indicator($"{node.Code}.I{i}", $"Persentase capaian sintetis {node.Code}.{i}", "Persentase", 100, [40, 60, 80, 100])
                : new Indicator($"{node.Code}.I{i}", $"Jumlah keluaran sintetis {node.Code}.{i}", "Orang", 100, [25, 50, 75, 100]));
            count++;
        }
    }

    /// <summary>
    /// Above this size the plan is inserted level by level (<see cref="BulkAddAsync"/>): PlanRepository.AddAsync saves
    /// node by node in one growing context, which took minutes for 1,000 indicators on the loaded 2-core machine.
    /// </summary>
    public const int RepositoryLimit = 2_000;

    /// <summary>The same records as PlanRepository.AddAsync (pre-order SortOrder for nodes), one SaveChanges per level.</summary>
    private static async Task<int> BulkAddAsync(IDbContextFactory<DashboardDbContext> factory, Plan plan, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = new PlanRecord { Year = plan.Year, Agency = plan.Agency, Title = plan.Title, CreatedAt = DateTimeOffset.UtcNow };
        db.Plans.Add(record);
        await db.SaveChangesAsync(ct);
        var order = plan.AllNodes().Select((n, i) => (n.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var ids = new Dictionary<string, int>();
        foreach (var level in plan.AllNodes().GroupBy(n => n.Level).OrderBy(g => g.Key))
        {
            var records = level.Select(node =>
            {
                var r = new NodeRecord
                {
                    PlanId = record.Id, ParentId = node.Parent is { } p ? ids[p.Code] : null, Code = node.Code, Level = (int)node.Level,
                    Label = node.Label, Title = node.Title, SortOrder = order[node.Code],
                };
                r.Indicators.AddRange(node.Indicators.Select((i, n) => new IndicatorRecord
                {
                    PlanId = record.Id, Code = i.Code, Name = i.Name, Unit = i.Unit, Polarity = (int)i.Polarity, Aggregation = (int)i.Aggregation,
                    AnnualTarget = i.AnnualTarget, TargetTw1 = i.QuarterTargets[0], TargetTw2 = i.QuarterTargets[1], TargetTw3 = i.QuarterTargets[2],
                    TargetTw4 = i.QuarterTargets[3], Remark = i.Remark, SortOrder = n,
                }));
                return r;
            }).ToList();
            db.Nodes.AddRange(records);
            await db.SaveChangesAsync(ct);
            foreach (var r in records) ids[r.Code] = r.Id;
        }
        return record.Id;
    }

    /// <summary>
    /// Creates a database at <paramref name="path"/> (migrated, WAL) holding <paramref name="plan"/> and a year of entries:
    /// two per quarter in TW I–III, one in TW IV (1 Nov), with reviews (verified up to TW III, submitted in TW IV).
    /// Returns the number of entries. The app started on this file finds the year present and does not seed.
    /// </summary>
    public static async Task<int> SeedAsync(string path, Plan plan, CancellationToken ct = default)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = $"Data Source={path}", ["Dashboard:Today"] = "2025-11-15",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddDashboardCore(config, AppContext.BaseDirectory).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        var planId = plan.AllIndicators().Count() <= RepositoryLimit
            ? await services.GetRequiredService<PlanRepository>().AddAsync(plan, ct)
            : await BulkAddAsync(factory, plan, ct);

        Dictionary<string, int> ids;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            ids = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        }
        var zone = TimeSpan.FromHours(7);
        DateOnly[][] dates =
        [
            [new(2025, 2, 10), new(2025, 3, 20)], [new(2025, 5, 10), new(2025, 6, 20)], [new(2025, 8, 10), new(2025, 9, 20)], [new(2025, 11, 1)],
        ];
        var entries = 0;
        foreach (var batch in plan.AllIndicators().Chunk(1000))
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var indicator in batch)
            {
                var id = ids[indicator.Code];
                var level = indicator.Aggregation == Aggregation.Level;
                for (var q = 1; q <= 4; q++)
                {
                    var sequence = 0;
                    foreach (var date in dates[q - 1])
                    {
                        var value = level ? Math.Round((indicator.TargetFor(q) ?? indicator.AnnualTarget) * 0.9m, 2) : Math.Round(indicator.AnnualTarget / 4 / dates[q - 1].Length * 0.9m, 2);
                        db.Realisations.Add(new RealisationRecord
                        {
                            IndicatorId = id, Quarter = q, Date = date, Value = value, RecordedBy = "Petugas Sintetis",
                            RecordedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), zone),
                            Kind = (int)(level ? EntryKind.Level : EntryKind.Increment), Sequence = ++sequence,
                        });
                        entries++;
                    }
                    db.Reviews.Add(new ReviewRecord
                    {
                        IndicatorId = id, Quarter = q, Version = 1, State = (int)(q < 4 ? ReviewState.Verified : ReviewState.Submitted),
                        At = new DateTimeOffset(dates[q - 1][^1].ToDateTime(new TimeOnly(15, 0)), zone), By = q < 4 ? "Perencana Sintetis" : "Petugas Sintetis",
                    });
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return entries;
    }
}

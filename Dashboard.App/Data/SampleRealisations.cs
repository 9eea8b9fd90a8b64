using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Data;

/// <summary>
/// Deterministic "Data contoh" so that a demo shows every colour before officers record anything.
/// Only loaded where configured (Development); every row is flagged <see cref="RealisationRecord.IsSample"/>.
/// </summary>
public sealed class SampleRealisations(IDbContextFactory<DashboardDbContext> factory, TimeProvider time, AgencyClock clock)
{
    public const string RecordedBy = "Data contoh";
    private static readonly string[] Kecamatan = ["Bobotsari", "Kemangkon", "Bukateja", "Purbalingga", "Kalimanah", "Mrebet"];

    /// <summary>Adds sample realisations for one plan year if it has no realisation at all yet.</summary>
    public async Task<int> EnsureAsync(int year, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Year == year, ct);
        if (plan is null) return 0;
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Id).ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        if (await db.Realisations.AnyAsync(r => ids.Contains(r.IndicatorId), ct)) return 0;

        var now = time.GetUtcNow();
        var rows = new List<RealisationRecord>();
        for (var n = 0; n < indicators.Count; n++)
        {
            var indicator = indicators[n];
            // A blank quarter (annual targets only) is sampled against the year's pace: a quarter of the annual target each.
            decimal[] targets = [indicator.TargetTw1 ?? indicator.AnnualTarget / 4, indicator.TargetTw2 ?? indicator.AnnualTarget / 2,
                indicator.TargetTw3 ?? indicator.AnnualTarget * 3 / 4, indicator.TargetTw4 ?? indicator.AnnualTarget];
            // The ratio to target cycles through the bands; the last indicators leave TW III/IV unreported.
            decimal[] ratios = [1.00m, 0.95m, 0.82m, 0.70m, 0.58m, 0.40m, 1.10m, 2.60m];
            var lastQuarter = n % 9 == 8 ? 2 : n % 5 == 4 ? 3 : 4;
            decimal previous = 0;
            for (var q = 1; q <= lastQuarter; q++)
            {
                // Nothing in quarters that have not started; the current quarter only up to today, pro rata.
                var today = clock.Today;
                if (Quarters.Start(year, q) > today) break;
                var date = Quarters.End(year, q).AddDays(-10);
                var share = 1m;
                if (today <= Quarters.End(year, q))
                {
                    date = today;
                    share = (decimal)(today.DayNumber - Quarters.Start(year, q).DayNumber + 1) / 92m;
                }
                var ratio = ratios[(n + q) % ratios.Length];
                if (ratio > 2m && q != 3) ratio = 1m;
                var planned = q == 1 ? targets[0] * share : targets[q - 2] + (targets[q - 1] - targets[q - 2]) * share;
                var goal = Math.Round(planned * ratio, 2);
                var level = (Aggregation)indicator.Aggregation == Aggregation.Level;
                var value = level ? goal : Math.Max(0, goal - previous);
                if (!level && Units.IsCount(indicator.Unit)) value = Math.Round(value);
                previous = level ? goal : previous + value;
                rows.Add(new RealisationRecord
                {
                    IndicatorId = indicator.Id, Quarter = q, Sequence = 1,
                    Kind = level ? (int)Dashboard.Domain.Realisations.EntryKind.Level : (int)Dashboard.Domain.Realisations.EntryKind.Increment,
                    Date = date, Value = value, RecordedAt = now,
                    RecordedBy = RecordedBy, Kecamatan = level ? null : Kecamatan[(n + q) % Kecamatan.Length],
                    Note = "Data contoh (bukan data resmi)", IsSample = true,
                });
            }
        }
        db.Realisations.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}

using Dashboard.App.Data;
using Dashboard.App.Realisations;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Reviews;
using Dashboard.Domain.Status;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Reviews;

/// <summary>An indicator's quarter waiting for verification, with what the planner needs to judge it.</summary>
/// <param name="LatestEntries">The quarter's entries, newest first (at most <see cref="ReviewQueue.EntriesShown"/>).</param>
public sealed record ReviewItem(Indicator Indicator, int Quarter, ReviewView Review, QuarterStatus Status, IReadOnlyList<RealisationEntry> LatestEntries,
    int EntryCount, NarrativeView Narrative, int EvidenceCount);

/// <summary>The verification queue: every indicator-quarter in state Diajukan, read in a few queries.</summary>
public sealed class ReviewQueue(IDbContextFactory<DashboardDbContext> factory, Dashboard.App.Live.PlanReadModel plans)
{
    public const int EntriesShown = 3;

    public async Task<IReadOnlyList<ReviewItem>?> SubmittedAsync(int year, CancellationToken ct = default)
    {
        var snapshot = await plans.GetAsync(year, ct);
        if (snapshot is null) return null;
        var waiting = snapshot.Reviews.Where(r => r.Value.State == ReviewState.Submitted).ToList();
        if (waiting.Count == 0) return [];

        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await db.Indicators.AsNoTracking().Where(i => db.Plans.Any(p => p.Id == i.PlanId && p.Year == year))
            .Select(i => new { i.Id, i.Code }).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var narratives = (await db.Narratives.AsNoTracking().Where(n => ids.Keys.Contains(n.IndicatorId)).ToListAsync(ct))
            .GroupBy(n => (ids[n.IndicatorId], n.Quarter))
            .ToDictionary(g => g.Key, g => g.MaxBy(n => n.Version)!);
        var evidence = (await db.Evidence.AsNoTracking().Where(x => ids.Keys.Contains(x.IndicatorId)).Select(x => new { x.IndicatorId, x.Quarter }).ToListAsync(ct))
            .GroupBy(x => (ids[x.IndicatorId], x.Quarter)).ToDictionary(g => g.Key, g => g.Count());

        return waiting
            .Select(w => (Indicator: snapshot.Index.FindIndicator(w.Key.Code), w.Key.Quarter, Review: w.Value))
            .Where(w => w.Indicator is not null)
            .OrderBy(w => w.Quarter).ThenBy(w => snapshot.Index.IndicatorOrdinal(w.Indicator!.Code))
            .Select(w =>
            {
                var entries = snapshot.EntriesOf(w.Indicator!.Code);
                var quarterEntries = entries.Where(e => e.Quarter == w.Quarter).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).ToList();
                var narrative = narratives.TryGetValue((w.Indicator!.Code, w.Quarter), out var n)
                    ? new NarrativeView(n.Version, n.Drivers, n.Obstacles, n.FollowUp, n.SavedBy, n.SavedAt)
                    : NarrativeView.Empty;
                return new ReviewItem(w.Indicator, w.Quarter, w.Review, snapshot.Evaluation.For(w.Indicator, w.Quarter),
                    quarterEntries.Take(EntriesShown).ToList(), quarterEntries.Count, narrative,
                    evidence.GetValueOrDefault((w.Indicator.Code, w.Quarter)));
            })
            .ToList();
    }
}

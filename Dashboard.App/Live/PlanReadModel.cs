using System.Collections.Concurrent;
using Dashboard.App.Data;
using Dashboard.App.Plans;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;

namespace Dashboard.App.Live;

/// <summary>Which plan: today a plan year; the agency joins the key when several agencies' plans live side by side.</summary>
public readonly record struct PlanKey(int Year);

/// <summary>
/// The one live picture of each plan in memory, shared by every screen (no user data): the evaluated plan is loaded
/// from the database once, then kept current by the write path and the publish point, change by change: an entry
/// re-evaluates its indicator and re-rolls only its ancestors. Readers get an immutable <see cref="PlanSnapshot"/>
/// and hold no lock while rendering. A plan edit or import drops the year's picture; the next read loads it again.
/// </summary>
public sealed class PlanReadModel(PlanRepository repository, StatusEvaluator evaluator, ILogger<PlanReadModel> logger)
{
    private readonly ConcurrentDictionary<PlanKey, Slot> _slots = new();

    /// <summary>The current snapshot of a plan year, or null when there is no plan for it.</summary>
    public async Task<PlanSnapshot?> GetAsync(int year, CancellationToken ct = default)
    {
        var slot = _slots.GetOrAdd(new PlanKey(year), _ => new Slot());
        while (true)
        {
            if (slot.Current is { } current)
            {
                return current.Evaluation.EvaluatedOn == evaluator.Clock.Today ? current : Reevaluate(slot, current);
            }
            Task<bool> loading;
            lock (slot.Gate) loading = slot.Loading ??= LoadAsync(slot, year);
            // A missing plan is not remembered: one imported later (or from the command line) is found by the next read.
            if (!await loading.WaitAsync(ct)) return slot.Current;
        }
    }

    /// <summary>The years that have a plan.</summary>
    public Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default) => repository.YearsAsync(ct);

    /// <summary>Applies a committed entry and the review state it left (called by the write path, inside its write gate,
    /// so the next save reads it). Applying the same entry twice changes nothing.</summary>
    public void ApplyEntry(int year, RealisationEntry entry, ReviewView? review, DateTimeOffset at) =>
        Mutate(year, s => s.WithEntry(entry, review, evaluator, at));

    /// <summary>Applies a change from the publish point: a review step, or a plan edit / import (drops the year's picture).</summary>
    public void Apply(PlanChange change)
    {
        switch (change)
        {
            case ReviewChanged { Version: > 0 } review:
                Mutate(change.Year, s => s.WithReview(review.IndicatorCode, review.Quarter,
                    new ReviewView(review.State, review.Version, review.Reason, review.By, review.At), review.At));
                break;
            case ReviewChanged:
            case PlanStructureChanged:
            case PlanImported:
                Invalidate(change.Year);
                break;
        }
    }

    /// <summary>The years whose picture is in memory (loaded or loading).</summary>
    public IReadOnlyList<int> HeldYears => [.. _slots.Keys.Select(k => k.Year).Order()];

    /// <summary>Drops a year's picture; the next read loads it from the database.</summary>
    public void Invalidate(int year)
    {
        if (!_slots.TryGetValue(new PlanKey(year), out var slot)) return;
        lock (slot.Gate)
        {
            slot.Generation++;
            slot.Current = null;
            slot.Pending.Clear();
        }
    }

    private void Mutate(int year, Func<PlanSnapshot, PlanSnapshot> change)
    {
        if (!_slots.TryGetValue(new PlanKey(year), out var slot)) return;
        lock (slot.Gate)
        {
            // Changes committed while the plan loads may or may not be in what the load read: apply them again on
            // top (applying is idempotent).
            if (slot.Loading is not null) slot.Pending.Add(change);
            if (slot.Current is { } current) slot.Current = change(current);
        }
    }

    private PlanSnapshot Reevaluate(Slot slot, PlanSnapshot seen)
    {
        lock (slot.Gate)
        {
            if (ReferenceEquals(slot.Current, seen)) slot.Current = seen.Reevaluated(evaluator);
            return slot.Current ?? seen;
        }
    }

    /// <summary>Loads the plan; true when the caller should look again (loaded, or dropped meanwhile), false when there is no plan.</summary>
    private async Task<bool> LoadAsync(Slot slot, int year)
    {
        long generation;
        lock (slot.Gate) generation = slot.Generation;
        PlanSnapshot? loaded;
        try
        {
            await Task.Yield();
            loaded = await repository.LoadAsync(year);
        }
        catch (Exception e)
        {
            lock (slot.Gate) slot.Loading = null;
            logger.LogError(e, "Loading plan {Year} into the read model failed", year);
            throw;
        }
        lock (slot.Gate)
        {
            slot.Loading = null;
            var pending = slot.Pending.ToList();
            slot.Pending.Clear();
            if (slot.Generation != generation) return true;
            if (loaded is null) return false;
            foreach (var change in pending) loaded = change(loaded);
            slot.Current = loaded;
            return true;
        }
    }

    private sealed class Slot
    {
        public readonly Lock Gate = new();
        public volatile PlanSnapshot? Current;
        public Task<bool>? Loading;
        public long Generation;
        public readonly List<Func<PlanSnapshot, PlanSnapshot>> Pending = [];
    }
}

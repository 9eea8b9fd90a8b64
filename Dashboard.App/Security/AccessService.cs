using System.Collections.Concurrent;
using Dashboard.App.Data;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Security;

public sealed class EntryWindowOptions
{
    public const string SectionName = "Dashboard:EntryWindow";

    /// <summary>Days after a quarter's end that officers may still record for it.</summary>
    public int DaysAfterQuarter { get; set; } = 10;

    /// <summary>How far back an entry's capture time (offline entries sent later) counts for the window; see <see cref="EntryWindow.JudgedAt"/>.</summary>
    public int CaptureBoundDays { get; set; } = 7;
}

/// <summary>
/// Server-side answers to "may this user record here, now?": assignment, entry window, locks, exceptions. The facts are
/// cached, since every save asks; whoever changes one calls <see cref="Invalidate"/> after committing, and entries
/// expire after <see cref="CacheFor"/> anyway (a change made by the command line or another node).
/// </summary>
public sealed class AccessService(IDbContextFactory<DashboardDbContext> factory, AgencyClock clock, Microsoft.Extensions.Options.IOptions<EntryWindowOptions> options,
    UserSessions sessions)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<(string Kind, string User, int Year, int Quarter), (DateTimeOffset At, object? Value)> _cache = new();
    private long _generation;

    public int DaysAfterQuarter => options.Value.DaysAfterQuarter;

    public int CaptureBoundDays => options.Value.CaptureBoundDays;

    /// <summary>The agency day an entry captured at <paramref name="capturedAt"/> is judged on (today when sent at once).</summary>
    public DateOnly JudgedDay(DateTimeOffset? capturedAt) =>
        DateOnly.FromDateTime(AgencyClock.ToAgencyTime(EntryWindow.JudgedAt(clock.Time.GetUtcNow(), capturedAt, CaptureBoundDays)).DateTime);

    /// <summary>Forgets every cached fact: assignments, locks or exceptions changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cache.Clear();
    }

    public Task<IReadOnlySet<string>> AssignedCodesAsync(string userId, int year, CancellationToken ct = default) =>
        CachedAsync(("assigned", userId, year, 0), async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return (IReadOnlySet<string>)(await db.Assignments.AsNoTracking().Where(a => a.UserId == userId && a.Year == year).Select(a => a.Code).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
        });

    public async Task<bool> CanRecordAsync(ActingUser actor, int year, Indicator indicator, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return false;
        // The roles are those the page started with: they count only while the session is still current.
        if (!await sessions.IsCurrentAsync(actor, ct)) return false;
        if (actor.CanRecordAnywhere) return true;
        var assigned = Assignments.Covers(await AssignedCodesAsync(actor.Id, year, ct), indicator);
        return Permissions.CanRecord(actor.Roles.ToList(), assigned);
    }

    /// <summary>False once the actor was locked, changed role, got a new password or had all sessions ended.</summary>
    public Task<bool> IsCurrentAsync(ActingUser actor, CancellationToken ct = default) => sessions.IsCurrentAsync(actor, ct);

    public Task<QuarterLock> LockStateAsync(int year, int quarter, CancellationToken ct = default) =>
        CachedAsync(("lock", "", year, quarter), async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var latest = await db.QuarterLocks.AsNoTracking().Where(l => l.Year == year && l.Quarter == quarter)
                .OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
            return latest is null ? QuarterLock.None : latest.Locked ? QuarterLock.Locked : QuarterLock.Reopened;
        });

    /// <param name="day">The agency day to judge the window on (an offline entry's capture day); today when null.</param>
    public async Task<WindowDecision> WindowAsync(ActingUser actor, int year, int quarter, CancellationToken ct = default, DateOnly? day = null)
    {
        var lockState = await LockStateAsync(year, quarter, ct);
        var exception = await CachedAsync(("exception", actor.Id, year, quarter), async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.EntryExceptions.AsNoTracking()
                .Where(x => x.UserId == actor.Id && x.Year == year && x.Quarter == quarter)
                .OrderByDescending(x => x.Until).Select(x => (DateOnly?)x.Until).FirstOrDefaultAsync(ct);
        });
        return EntryWindow.Decide(year, quarter, day ?? clock.Today, DaysAfterQuarter, lockState, exception,
            Permissions.BoundByEntryWindow(actor.Roles.ToList()));
    }

    private async Task<T> CachedAsync<T>((string Kind, string User, int Year, int Quarter) key, Func<Task<T>> load)
    {
        var now = clock.Time.GetUtcNow();
        if (_cache.TryGetValue(key, out var hit) && now - hit.At < CacheFor) return (T)hit.Value!;
        // Read the generation first: a value read before an invalidation is never stored after it.
        var generation = Interlocked.Read(ref _generation);
        var value = await load();
        if (Interlocked.Read(ref _generation) == generation) _cache[key] = (now, value);
        return value;
    }
}

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
}

/// <summary>Server-side answers to "may this user record here, now?": assignment, entry window, locks, exceptions.</summary>
public sealed class AccessService(IDbContextFactory<DashboardDbContext> factory, AgencyClock clock, Microsoft.Extensions.Options.IOptions<EntryWindowOptions> options,
    UserSessions sessions)
{
    public int DaysAfterQuarter => options.Value.DaysAfterQuarter;

    public async Task<IReadOnlySet<string>> AssignedCodesAsync(string userId, int year, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Assignments.AsNoTracking().Where(a => a.UserId == userId && a.Year == year).Select(a => a.Code).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
    }

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

    public async Task<QuarterLock> LockStateAsync(int year, int quarter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var latest = await db.QuarterLocks.AsNoTracking().Where(l => l.Year == year && l.Quarter == quarter)
            .OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        return latest is null ? QuarterLock.None : latest.Locked ? QuarterLock.Locked : QuarterLock.Reopened;
    }

    public async Task<WindowDecision> WindowAsync(ActingUser actor, int year, int quarter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var lockState = await LockStateAsync(year, quarter, ct);
        var exception = await db.EntryExceptions.AsNoTracking()
            .Where(x => x.UserId == actor.Id && x.Year == year && x.Quarter == quarter)
            .OrderByDescending(x => x.Until).Select(x => (DateOnly?)x.Until).FirstOrDefaultAsync(ct);
        return EntryWindow.Decide(year, quarter, clock.Today, DaysAfterQuarter, lockState, exception,
            Permissions.BoundByEntryWindow(actor.Roles.ToList()));
    }
}

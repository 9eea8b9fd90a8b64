using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Reviews;

/// <summary>A planner's last lock or reopening of a quarter.</summary>
public sealed record QuarterLockView(bool Locked, string? Reason, string By, DateTimeOffset At);

/// <summary>A personal exception: one officer may record in a closed quarter until a date.</summary>
public sealed record EntryExceptionView(int Id, string UserId, string UserName, string DisplayName, DateOnly Until, string? Reason, string By, DateTimeOffset At, bool Active);

/// <summary>One quarter of a plan year as the planner sees it: dates, phase, last lock action, exceptions.</summary>
public sealed record QuarterWindowView(int Year, int Quarter, DateOnly Start, DateOnly End, DateOnly Closes, QuarterPhase Phase, QuarterLockView? LastAction,
    IReadOnlyList<EntryExceptionView> Exceptions);

/// <summary>A user that can be given an exception (field officers).</summary>
public sealed record OfficerOption(string Id, string UserName, string DisplayName);

/// <summary>Kunci triwulan: locking and reopening quarters, and personal exceptions to the entry window. Every step is audited.</summary>
public sealed class QuarterLockService(IDbContextFactory<DashboardDbContext> factory, Dashboard.App.Live.PlanReadModel plans, AccessService access, AgencyClock clock)
{
    public const int MinReasonLength = 5;
    public const int MaxReasonLength = 500;

    public async Task<IReadOnlyList<QuarterWindowView>> QuartersAsync(int year, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var locks = await db.QuarterLocks.AsNoTracking().Where(l => l.Year == year).ToListAsync(ct);
        var exceptions = await (from x in db.EntryExceptions.AsNoTracking()
                                join u in db.Users.AsNoTracking() on x.UserId equals u.Id
                                where x.Year == year
                                select new { x, u.UserName, u.DisplayName }).ToListAsync(ct);
        var today = clock.Today;
        return Quarters.All.Select(q =>
        {
            var last = locks.Where(l => l.Quarter == q).MaxBy(l => l.Id);
            var state = last is null ? QuarterLock.None : last.Locked ? QuarterLock.Locked : QuarterLock.Reopened;
            return new QuarterWindowView(year, q, Quarters.Start(year, q), Quarters.End(year, q), EntryWindow.Closes(year, q, access.DaysAfterQuarter),
                QuarterPhases.Of(year, q, today, access.DaysAfterQuarter, state),
                last is null ? null : new QuarterLockView(last.Locked, last.Reason, last.By, last.At),
                exceptions.Where(e => e.x.Quarter == q).OrderByDescending(e => e.x.Id)
                    .Select(e => new EntryExceptionView(e.x.Id, e.x.UserId, e.UserName ?? "", e.DisplayName, e.x.Until, e.x.Reason, e.x.By, e.x.At, today <= e.x.Until))
                    .ToList());
        }).ToList();
    }

    public async Task<QuarterWindowView> QuarterAsync(int year, int quarter, CancellationToken ct = default) =>
        (await QuartersAsync(year, ct)).Single(q => q.Quarter == Quarters.Check(quarter));

    /// <summary>Field officers, for picking who gets an exception.</summary>
    public async Task<IReadOnlyList<OfficerOption>> OfficersAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await (from u in db.Users.AsNoTracking()
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == Roles.Officer
                      orderby u.DisplayName
                      select new OfficerOption(u.Id, u.UserName ?? "", u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>Closes the quarter for everyone (officers, planners and admins alike) until it is reopened.</summary>
    public Task<SaveResult> LockAsync(ActingUser actor, int year, int quarter, string? reason = null, CancellationToken ct = default) =>
        StepAsync(actor, year, quarter, locked: true, Blank(reason), ct);

    /// <summary>Opens the quarter for every officer regardless of the window; the reason is required.</summary>
    public Task<SaveResult> ReopenAsync(ActingUser actor, int year, int quarter, string? reason, CancellationToken ct = default) =>
        Blank(reason) is not { Length: >= MinReasonLength } r
            ? Task.FromResult(Invalid("Reason", $"Alasan membuka kembali wajib diisi (minimal {MinReasonLength} karakter)."))
            : StepAsync(actor, year, quarter, locked: false, r, ct);

    private async Task<SaveResult> StepAsync(ActingUser actor, int year, int quarter, bool locked, string? reason, CancellationToken ct)
    {
        if (await CheckAsync(actor, year, quarter, reason, ct) is { } invalid) return invalid;
        var before = await QuarterAsync(year, quarter, ct);
        var label = $"{Quarters.Label(quarter)} {year}";
        if (locked && before.Phase == QuarterPhase.Locked) return SaveResult.Refused("Quarter", $"{label} sudah dikunci oleh {before.LastAction!.By}.");
        if (!locked && before.Phase == QuarterPhase.Reopened) return SaveResult.Refused("Quarter", $"{label} sudah dibuka kembali oleh {before.LastAction!.By}.");

        var now = clock.Time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.QuarterLocks.Add(new QuarterLockRecord { Year = year, Quarter = quarter, Locked = locked, Reason = reason, At = now, By = actor.DisplayName });
        var after = QuarterPhases.Of(year, quarter, clock.Today, access.DaysAfterQuarter, locked ? QuarterLock.Locked : QuarterLock.Reopened);
        AuditLog.Add(db, now, actor.UserName, locked ? AuditActions.QuarterLocked : AuditActions.QuarterReopened, "Triwulan", $"{year}:TW{quarter}",
            before: new { Status = before.Phase.Label(), Oleh = before.LastAction?.By, Alasan = before.LastAction?.Reason },
            after: new { Status = after.Label(), Oleh = actor.DisplayName, Alasan = reason });
        await db.SaveChangesAsync(ct);
        access.Invalidate();
        return new SaveResult(SaveStatus.Saved, []);
    }

    /// <summary>Lets one officer record in the quarter until <paramref name="until"/> (inclusive), even after the window closed.</summary>
    public async Task<SaveResult> GrantExceptionAsync(ActingUser actor, string userName, int year, int quarter, DateOnly until, string? reason,
        CancellationToken ct = default)
    {
        var why = Blank(reason);
        if (why is not { Length: >= MinReasonLength }) return Invalid("Reason", $"Alasan pengecualian wajib diisi (minimal {MinReasonLength} karakter).");
        if (await CheckAsync(actor, year, quarter, why, ct) is { } invalid) return invalid;
        var window = await QuarterAsync(year, quarter, ct);
        if (window.Phase == QuarterPhase.Locked)
        {
            return SaveResult.Refused("Quarter", $"{Quarters.Label(quarter)} {year} dikunci: pengecualian tidak berlaku sebelum triwulan dibuka kembali.");
        }
        if (until < clock.Today) return Invalid("Until", "Tanggal batas tidak boleh sebelum hari ini.");
        if (until <= window.Closes)
        {
            return Invalid("Until", $"Jendela pengisian {Quarters.Label(quarter)} sudah terbuka sampai {EntryWindow.IdDate(window.Closes)}; pilih tanggal sesudahnya.");
        }
        if (until > window.End.AddYears(1)) return Invalid("Until", "Tanggal batas paling lama satu tahun setelah akhir triwulan.");

        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == (userName ?? "").Trim(), ct);
        if (user is null) return Invalid("User", "Pilih petugas.");
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name ?? "").ToListAsync(ct);
        if (!Permissions.BoundByEntryWindow(roles) || !roles.Contains(Roles.Officer))
        {
            return Invalid("User", $"{user.DisplayName} bukan petugas lapangan; jendela pengisian tidak membatasinya.");
        }

        var previous = await db.EntryExceptions.AsNoTracking().Where(x => x.UserId == user.Id && x.Year == year && x.Quarter == quarter)
            .OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        var now = clock.Time.GetUtcNow();
        var record = new EntryExceptionRecord { UserId = user.Id, Year = year, Quarter = quarter, Until = until, Reason = why, At = now, By = actor.DisplayName };
        db.EntryExceptions.Add(record);
        AuditLog.Add(db, now, actor.UserName, AuditActions.ExceptionGranted, "Triwulan", $"{year}:TW{quarter}:{user.UserName}",
            before: previous is null ? null : new { Petugas = user.UserName, Sampai = previous.Until, Alasan = previous.Reason, Oleh = previous.By },
            after: new { Petugas = user.UserName, Sampai = until, Alasan = why, Oleh = actor.DisplayName });
        await db.SaveChangesAsync(ct);
        access.Invalidate();
        return new SaveResult(SaveStatus.Saved, [], record.Id);
    }

    private async Task<SaveResult?> CheckAsync(ActingUser actor, int year, int quarter, string? reason, CancellationToken ct)
    {
        if (!Permissions.CanLockQuarters(actor.Roles.ToList())) return SaveResult.Refused("Role", "Hanya perencana atau admin yang dapat mengunci atau membuka triwulan.");
        if (!await access.IsCurrentAsync(actor, ct)) return SaveResult.Refused("Role", UserSessions.EndedMessage);
        if (quarter is < 1 or > 4) return Invalid("Quarter", "Triwulan harus 1 sampai 4.");
        if (reason is { Length: > MaxReasonLength }) return Invalid("Reason", $"Alasan maksimal {MaxReasonLength} karakter.");
        if (!(await plans.YearsAsync(ct)).Contains(year)) return SaveResult.NotFound($"Belum ada rencana aksi tahun {year}.");
        return null;
    }

    private static SaveResult Invalid(string field, string message) => new(SaveStatus.Invalid, [new RuleIssue(field, message, false)]);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using Dashboard.App.Data;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Reviews;
using Dashboard.Domain.Status;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Reviews;

/// <summary>One indicator's quarter on the compliance matrix.</summary>
/// <param name="FirstRecordedOn">Agency-local date of the first entry for the quarter (sample data: its entry date).</param>
public sealed record ComplianceCell(string IndicatorCode, int Quarter, ComplianceState State, DateOnly? FirstRecordedOn, ReviewView Review);

public sealed record ComplianceRow(Indicator Indicator, IReadOnlyList<ComplianceCell> Cells)
{
    public ComplianceCell Cell(int quarter) => Cells[quarter - 1];
}

/// <summary>The indicators one officer is assigned to, or those nobody is (<see cref="UserId"/> null: "Belum ditugaskan").</summary>
public sealed record ComplianceGroup(string? UserId, string Title, IReadOnlyList<ComplianceRow> Rows);

public sealed record ComplianceReport(int Year, DateOnly Today, int DaysAfterQuarter, IReadOnlyList<ComplianceGroup> Groups, IReadOnlyList<ComplianceRow> Rows)
{
    /// <summary>Cells in a state, each indicator counted once even when two officers share it; all quarters when <paramref name="quarter"/> is null.</summary>
    public int Count(ComplianceState state, int? quarter = null) =>
        Rows.Sum(r => r.Cells.Count(c => c.State == state && (quarter is null || c.Quarter == quarter)));
}

/// <summary>Something a field officer should do (or know) about one indicator's quarter.</summary>
/// <param name="DaysLeft">Days until the window (or the officer's exception) closes; null when there is no deadline or it has passed.</param>
public sealed record OfficerTask(Indicator Indicator, int Quarter, ComplianceState State, string Detail, int? DaysLeft, ReviewView Review);

/// <summary>Tugas saya: due now, returned by a planner, late or missing.</summary>
public sealed record OfficerTasks(int Year, DateOnly Today, int AssignedCount, IReadOnlyList<OfficerTask> Due, IReadOnlyList<OfficerTask> Returned,
    IReadOnlyList<OfficerTask> Overdue);

/// <summary>Kepatuhan pelaporan: who reported what, when, per indicator and quarter; and each officer's to-do list.</summary>
public sealed class ComplianceService(IDbContextFactory<DashboardDbContext> factory, Dashboard.App.Live.PlanReadModel plans, AccessService access, AgencyClock clock)
{
    public const string UnassignedTitle = "Belum ditugaskan";

    public async Task<ComplianceReport?> ReportAsync(int year, CancellationToken ct = default)
    {
        var snapshot = await plans.GetAsync(year, ct);
        if (snapshot is null) return null;
        var rows = await RowsAsync(snapshot, ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        var assignments = await (from a in db.Assignments.AsNoTracking()
                                 join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                                 where a.Year == year
                                 select new { a.UserId, a.Code, u.DisplayName, u.UserName }).ToListAsync(ct);
        var groups = new List<ComplianceGroup>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in assignments.GroupBy(a => a.UserId).OrderBy(g => g.First().DisplayName, StringComparer.CurrentCultureIgnoreCase))
        {
            var codes = user.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
            var mine = rows.Where(r => Assignments.Covers(codes, r.Indicator)).ToList();
            covered.UnionWith(mine.Select(r => r.Indicator.Code));
            var first = user.First();
            groups.Add(new ComplianceGroup(user.Key, string.IsNullOrWhiteSpace(first.DisplayName) ? first.UserName ?? user.Key : first.DisplayName, mine));
        }
        var unassigned = rows.Where(r => !covered.Contains(r.Indicator.Code)).ToList();
        if (unassigned.Count > 0) groups.Add(new ComplianceGroup(null, UnassignedTitle, unassigned));
        return new ComplianceReport(year, clock.Today, access.DaysAfterQuarter, groups, rows);
    }

    /// <summary>The signed-in officer's list: only indicators assigned to them, only quarters that have started.</summary>
    public async Task<OfficerTasks?> TasksAsync(ActingUser actor, int year, CancellationToken ct = default)
    {
        var snapshot = await plans.GetAsync(year, ct);
        if (snapshot is null || !actor.IsAuthenticated) return null;
        var codes = await access.AssignedCodesAsync(actor.Id, year, ct);
        var all = await RowsAsync(snapshot, ct);
        var rows = all.Where(r => Assignments.Covers(codes, r.Indicator)).ToList();

        var today = clock.Today;
        var started = Quarters.All.Where(q => Quarters.Start(year, q) <= today).ToList();
        var windows = new Dictionary<int, WindowDecision>();
        var deadlines = new Dictionary<int, DateOnly?>();
        foreach (var q in started)
        {
            windows[q] = await access.WindowAsync(actor, year, q, ct);
            deadlines[q] = await DeadlineAsync(actor, year, q, ct);
        }

        List<OfficerTask> due = [], returned = [], overdue = [];
        foreach (var row in rows)
        {
            foreach (var q in started)
            {
                var cell = row.Cell(q);
                var window = windows[q];
                int? daysLeft = deadlines[q] is { } d && window.Open ? d.DayNumber - today.DayNumber : null;
                switch (cell.State)
                {
                    case ComplianceState.Returned:
                        // The reason itself is in Review; the detail only warns when the window no longer lets the officer fix it.
                        returned.Add(new OfficerTask(row.Indicator, q, cell.State, window.Open ? "" : window.Message, daysLeft, cell.Review));
                        break;
                    case ComplianceState.NotDue or ComplianceState.Missing when window.Open:
                        due.Add(new OfficerTask(row.Indicator, q, cell.State, window.Message, daysLeft, cell.Review));
                        break;
                    case ComplianceState.Missing:
                        overdue.Add(new OfficerTask(row.Indicator, q, cell.State, window.Message, null, cell.Review));
                        break;
                    case ComplianceState.Late:
                        overdue.Add(new OfficerTask(row.Indicator, q, cell.State,
                            $"Dicatat pertama {EntryWindow.IdDate(cell.FirstRecordedOn!.Value)}, setelah jendela ditutup {EntryWindow.IdDate(EntryWindow.Closes(year, q, access.DaysAfterQuarter))}.",
                            null, cell.Review));
                        break;
                }
            }
        }
        return new OfficerTasks(year, today, rows.Count,
            due.OrderBy(t => t.DaysLeft ?? int.MaxValue).ThenBy(t => t.Quarter).ToList(),
            returned.OrderByDescending(t => t.Review.At).ToList(),
            overdue.OrderBy(t => t.State == ComplianceState.Late).ThenBy(t => t.Quarter).ToList());
    }

    /// <summary>The last day this officer may record for the quarter: the window, or a later personal exception; null once locked or reopened.</summary>
    private async Task<DateOnly?> DeadlineAsync(ActingUser actor, int year, int quarter, CancellationToken ct)
    {
        var lockState = await access.LockStateAsync(year, quarter, ct);
        if (lockState != QuarterLock.None) return null;
        var closes = EntryWindow.Closes(year, quarter, access.DaysAfterQuarter);
        await using var db = await factory.CreateDbContextAsync(ct);
        var exception = await db.EntryExceptions.AsNoTracking().Where(x => x.UserId == actor.Id && x.Year == year && x.Quarter == quarter)
            .Select(x => (DateOnly?)x.Until).OrderByDescending(x => x).FirstOrDefaultAsync(ct);
        return exception is { } until && until > closes ? until : closes;
    }

    private async Task<IReadOnlyList<ComplianceRow>> RowsAsync(PlanSnapshot snapshot, CancellationToken ct)
    {
        var year = snapshot.Plan.Year;
        await using var db = await factory.CreateDbContextAsync(ct);
        var recorded = await (from r in db.Realisations.AsNoTracking()
                              join i in db.Indicators.AsNoTracking() on r.IndicatorId equals i.Id
                              join p in db.Plans.AsNoTracking() on i.PlanId equals p.Id
                              where p.Year == year
                              select new { i.Code, r.Quarter, r.RecordedAt, r.Date, r.IsSample }).ToListAsync(ct);
        // Sample data is written in one go at start-up; its entry date stands in for when it was "recorded".
        var first = recorded
            .GroupBy(r => (r.Code, r.Quarter))
            .ToDictionary(g => g.Key, g => g.Min(r => r.IsSample ? r.Date : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.RecordedAt, clock.Zone).DateTime)));
        var today = clock.Today;
        return snapshot.Plan.AllIndicators().Select(indicator => new ComplianceRow(indicator, Quarters.All.Select(q =>
        {
            DateOnly? firstOn = first.TryGetValue((indicator.Code, q), out var f) ? f : null;
            var review = snapshot.ReviewOf(indicator.Code, q);
            return new ComplianceCell(indicator.Code, q, Compliance.Classify(year, q, today, access.DaysAfterQuarter, firstOn, review.State), firstOn, review);
        }).ToList())).ToList();
    }
}

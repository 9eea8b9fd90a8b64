using Dashboard.App.Realisations;
using Dashboard.App.Reviews;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Reviews;
using Dashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Reviews;

/// <summary>The compliance matrix and an officer's task list on a fresh database (clock: 15 Nov 2025, no sample data).</summary>
public sealed class ComplianceServiceTests : IAsyncLifetime
{
    // Pertumbuhan volume usaha koperasi: Persentase (level); TW 4 8 12 14.
    private const string Volume = "T1.S1.P2.I1";
    // Persentase koperasi yang sudah menerapkan standar SAK: Persentase (level); TW 0 20 50 65.
    private const string Sak = "T1.S1.P3.I1";

    private readonly AppFactory _app = new(today: "2025-11-15");
    private ComplianceService _compliance = default!;
    private RealisationService _realisations = default!;
    private ReviewService _reviews = default!;
    private QuarterLockService _locks = default!;
    private ActingUser _planner = default!;
    private ActingUser _sri = default!;
    private ActingUser _agus = default!;

    public async Task InitializeAsync()
    {
        _compliance = _app.Services.GetRequiredService<ComplianceService>();
        _realisations = _app.Services.GetRequiredService<RealisationService>();
        _reviews = _app.Services.GetRequiredService<ReviewService>();
        _locks = _app.Services.GetRequiredService<QuarterLockService>();
        _planner = await _app.CreateAsync("rina", "Rina Perencana", Roles.Planner);
        _sri = await _app.CreateAsync("sri", "Sri Lestari", Roles.Officer, "T1.S1");
        // Shares T1.S1.P2 with Sri: its indicators appear under both, but count once.
        _agus = await _app.CreateAsync("agus", "Agus Setiawan", Roles.Officer, "T1.S1.P2", "T1.S2");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task RecordAsync(ActingUser actor, string code, int quarter, decimal value)
    {
        var date = quarter == 4 ? new DateOnly(2025, 11, 10) : Dashboard.Domain.Plans.Quarters.End(2025, quarter).AddDays(-5);
        var result = await _realisations.RecordAsync(new RecordRealisation(2025, code, quarter, EntryKind.Level, value, date, actor));
        Assert.True(result.Status == SaveStatus.Saved, string.Join(" ", result.Issues.Select(i => i.Message)));
    }

    private async Task<ComplianceState> StateAsync(string code, int quarter) =>
        (await _compliance.ReportAsync(2025))!.Rows.Single(r => r.Indicator.Code == code).Cell(quarter).State;

    [Fact]
    public async Task FreshPlan_PastQuartersAreMissing_TheCurrentOneIsNotDue()
    {
        var report = (await _compliance.ReportAsync(2025))!;
        var indicators = report.Rows.Count;

        Assert.Equal(indicators, report.Count(ComplianceState.Missing, 1));
        Assert.Equal(indicators, report.Count(ComplianceState.Missing, 3));
        Assert.Equal(indicators, report.Count(ComplianceState.NotDue, 4));
        Assert.Equal(3 * indicators, report.Count(ComplianceState.Missing));
    }

    [Fact]
    public async Task Matrix_GroupsByOfficer_WithUnassignedLast_AndCountsSharedIndicatorsOnce()
    {
        var report = (await _compliance.ReportAsync(2025))!;

        Assert.Equal(["Agus Setiawan", "Sri Lestari", ComplianceService.UnassignedTitle], report.Groups.Select(g => g.Title).ToArray());
        var sri = report.Groups[1].Rows.Select(r => r.Indicator.Code).ToList();
        var agus = report.Groups[0].Rows.Select(r => r.Indicator.Code).ToList();
        var unassigned = report.Groups[2].Rows.Select(r => r.Indicator.Code).ToList();
        Assert.All(sri, c => Assert.StartsWith("T1.S1.", c));
        Assert.Contains(Volume, sri);
        Assert.Contains(Volume, agus);
        Assert.Contains("T1.S2.I1", agus);
        Assert.Contains("T1.I1", unassigned);
        Assert.Contains("T2.S1.P1.I1", unassigned);
        Assert.DoesNotContain(Volume, unassigned);
        Assert.Equal(report.Rows.Count, sri.Union(agus).Union(unassigned).Count());
        Assert.True(report.Groups.Sum(g => g.Rows.Count) > report.Rows.Count);
    }

    [Fact]
    public async Task Cells_FollowRecordingAndVerification()
    {
        await RecordAsync(_sri, Volume, 4, 13m);
        Assert.Equal(ComplianceState.Reported, await StateAsync(Volume, 4));

        await _reviews.ReturnAsync(_planner, 2025, Volume, 4, expectedVersion: 1, "Lampirkan notulen rapat");
        Assert.Equal(ComplianceState.Returned, await StateAsync(Volume, 4));

        await RecordAsync(_sri, Volume, 4, 13.2m);
        Assert.Equal(ComplianceState.Reported, await StateAsync(Volume, 4));

        await _reviews.VerifyAsync(_planner, 2025, Volume, 4, expectedVersion: 3);
        Assert.Equal(ComplianceState.Verified, await StateAsync(Volume, 4));
    }

    [Fact]
    public async Task FirstEntryAfterTheWindowClosed_IsLate()
    {
        await _locks.ReopenAsync(_planner, 2025, 3, "Data kecamatan terlambat");
        await RecordAsync(_sri, Volume, 3, 12m);

        Assert.Equal(ComplianceState.Late, await StateAsync(Volume, 3));
        Assert.Equal(ComplianceState.Missing, await StateAsync(Sak, 3));
    }

    [Fact]
    public async Task Tasks_ListDueReturnedAndMissing_ForTheOfficersIndicatorsOnly()
    {
        await RecordAsync(_sri, Volume, 4, 13m);
        await RecordAsync(_sri, Sak, 4, 60m);
        await _reviews.ReturnAsync(_planner, 2025, Sak, 4, expectedVersion: 1, "Angka belum sesuai laporan RAT");

        var tasks = (await _compliance.TasksAsync(_sri, 2025))!;

        var sriIndicators = (await _compliance.ReportAsync(2025))!.Groups.Single(g => g.Title == "Sri Lestari").Rows.Count;
        Assert.Equal(sriIndicators, tasks.AssignedCount);
        // TW IV: every indicator but the two recorded; 10 Jan 2026 is 56 days after 15 Nov 2025.
        Assert.Equal(sriIndicators - 2, tasks.Due.Count);
        Assert.All(tasks.Due, t => Assert.Equal((4, 56), (t.Quarter, t.DaysLeft!.Value)));
        Assert.DoesNotContain(tasks.Due, t => t.Indicator.Code is Volume or Sak);
        var returned = Assert.Single(tasks.Returned);
        Assert.Equal((Sak, 4, "Angka belum sesuai laporan RAT", "Rina Perencana"), (returned.Indicator.Code, returned.Quarter, returned.Review.Reason, returned.Review.By));
        Assert.Equal(3 * sriIndicators, tasks.Overdue.Count);
        Assert.All(tasks.Overdue, t => Assert.Equal(ComplianceState.Missing, t.State));
        Assert.All(tasks.Overdue, t => Assert.Contains("ditutup sejak", t.Detail));
        Assert.All(tasks.Due.Concat(tasks.Overdue), t => Assert.StartsWith("T1.S1.", t.Indicator.Code));
    }

    [Fact]
    public async Task Tasks_WithAnException_MoveTheClosedQuarterToDue_WithDaysUntilTheException()
    {
        await _locks.GrantExceptionAsync(_planner, "agus", 2025, 3, new DateOnly(2025, 11, 20), "Sakit saat jendela pengisian");

        var tasks = (await _compliance.TasksAsync(_agus, 2025))!;

        var tw3 = tasks.Due.Where(t => t.Quarter == 3).ToList();
        Assert.Equal(tasks.AssignedCount, tw3.Count);
        Assert.All(tw3, t => Assert.Equal(5, t.DaysLeft));
        Assert.All(tw3, t => Assert.Contains("dibuka untuk Anda sampai 20 November 2025", t.Detail));
        Assert.Equal(2 * tasks.AssignedCount, tasks.Overdue.Count);
        Assert.DoesNotContain(tasks.Overdue, t => t.Quarter == 3);
        // Due items are sorted by the nearest deadline first.
        Assert.Equal(3, tasks.Due[0].Quarter);
    }
}

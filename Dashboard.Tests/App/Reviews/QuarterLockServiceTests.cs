using Dashboard.App.Audit;
using Dashboard.App.Realisations;
using Dashboard.App.Reviews;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Reviews;

/// <summary>Locking, reopening and exceptions against the real services (clock: 15 Nov 2025; TW III's window closed on 10 Oct, TW IV is open).</summary>
public sealed class QuarterLockServiceTests : IAsyncLifetime
{
    // Pertumbuhan volume usaha koperasi: Persentase (level); TW 4 8 12 14.
    private const string Volume = "T1.S1.P2.I1";

    private readonly AppFactory _app = new(today: "2025-11-15");
    private QuarterLockService _locks = default!;
    private RealisationService _realisations = default!;
    private AccessService _access = default!;
    private ActingUser _planner = default!;
    private ActingUser _sri = default!;
    private ActingUser _agus = default!;

    public async Task InitializeAsync()
    {
        _locks = _app.Services.GetRequiredService<QuarterLockService>();
        _realisations = _app.Services.GetRequiredService<RealisationService>();
        _access = _app.Services.GetRequiredService<AccessService>();
        _planner = await _app.CreateAsync("rina", "Rina Perencana", Roles.Planner);
        _sri = await _app.CreateAsync("sri", "Sri Lestari", Roles.Officer, "T1.S1");
        _agus = await _app.CreateAsync("agus", "Agus Setiawan", Roles.Officer, "T1.S1.P2");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<SaveResult> RecordAsync(ActingUser actor, int quarter, decimal value) =>
        _realisations.RecordAsync(new RecordRealisation(2025, Volume, quarter, EntryKind.Level, value,
            quarter == 4 ? new DateOnly(2025, 11, 10) : Dashboard.Domain.Plans.Quarters.End(2025, quarter).AddDays(-5), actor));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ok ")]
    public async Task Reopen_WithoutAReasonOfFiveCharacters_IsRefused_AndChangesNothing(string? reason)
    {
        var result = await _locks.ReopenAsync(_planner, 2025, 3, reason);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Equal("Reason", Assert.Single(result.Issues).Field);
        Assert.Contains("wajib", result.Issues[0].Message);
        Assert.Equal(QuarterLock.None, await _access.LockStateAsync(2025, 3));
        Assert.Empty(await _app.AuditAsync(AuditActions.QuarterReopened));
    }

    [Fact]
    public async Task Officer_MayNotLockReopenOrGrant()
    {
        Assert.Equal(SaveStatus.Refused, (await _locks.LockAsync(_sri, 2025, 4, "coba")).Status);
        Assert.Equal(SaveStatus.Refused, (await _locks.ReopenAsync(_sri, 2025, 3, "ingin mengisi")).Status);
        Assert.Equal(SaveStatus.Refused, (await _locks.GrantExceptionAsync(_sri, "sri", 2025, 3, new DateOnly(2025, 11, 30), "untuk saya sendiri")).Status);
        Assert.Equal(QuarterLock.None, await _access.LockStateAsync(2025, 4));
    }

    [Fact]
    public async Task LockedQuarter_RefusesTheAssignedOfficer_WithTheLockMessage_UntilReopened()
    {
        Assert.Equal(SaveStatus.Saved, (await RecordAsync(_sri, 4, 13m)).Status);

        Assert.Equal(SaveStatus.Saved, (await _locks.LockAsync(_planner, 2025, 4, "Rapat evaluasi TW IV")).Status);

        var refused = await RecordAsync(_sri, 4, 13.5m);
        Assert.Equal(SaveStatus.Refused, refused.Status);
        Assert.Contains("TW IV 2025 sudah dikunci oleh perencana", refused.Issues[0].Message);
        // Locked means locked for planners too.
        Assert.Equal(SaveStatus.Refused, (await RecordAsync(_planner, 4, 13.5m)).Status);
        Assert.Equal(SaveStatus.Refused, (await _realisations.SaveNarrativeAsync(2025, Volume, 4, new NarrativeInput("lancar", null, null, 0), _sri)).Status);

        Assert.Equal(SaveStatus.Saved, (await _locks.ReopenAsync(_planner, 2025, 4, "Koreksi data dari kecamatan")).Status);
        Assert.Equal(SaveStatus.Saved, (await RecordAsync(_sri, 4, 13.5m)).Status);
    }

    [Fact]
    public async Task LockingTwice_IsRefused_WithWhoLockedIt()
    {
        Assert.Equal(SaveStatus.Saved, (await _locks.LockAsync(_planner, 2025, 2)).Status);

        var again = await _locks.LockAsync(_planner, 2025, 2, "lagi");

        Assert.Equal(SaveStatus.Refused, again.Status);
        Assert.Contains("sudah dikunci oleh Rina Perencana", again.Issues[0].Message);
        Assert.Single(await _app.AuditAsync(AuditActions.QuarterLocked));
    }

    [Fact]
    public async Task ClosedQuarter_ReopenedByAPlanner_OpensForEveryOfficer()
    {
        var closed = await RecordAsync(_sri, 3, 12m);
        Assert.Equal(SaveStatus.Refused, closed.Status);
        Assert.Contains("ditutup sejak 11 Oktober 2025", closed.Issues[0].Message);

        Assert.Equal(SaveStatus.Saved, (await _locks.ReopenAsync(_planner, 2025, 3, "Data kecamatan baru masuk")).Status);

        Assert.Equal(SaveStatus.Saved, (await RecordAsync(_sri, 3, 12m)).Status);
        Assert.Equal(SaveStatus.Saved, (await RecordAsync(_agus, 3, 12.5m)).Status);
        var view = await _locks.QuarterAsync(2025, 3);
        Assert.Equal(QuarterPhase.Reopened, view.Phase);
        Assert.Equal(new QuarterLockView(false, "Data kecamatan baru masuk", "Rina Perencana", view.LastAction!.At), view.LastAction);
    }

    [Fact]
    public async Task Exception_OpensAClosedQuarterForThatOfficerOnly_UntilItsDate()
    {
        var result = await _locks.GrantExceptionAsync(_planner, "sri", 2025, 3, new DateOnly(2025, 11, 20), "Sakit saat jendela pengisian");

        Assert.Equal(SaveStatus.Saved, result.Status);
        Assert.Equal(SaveStatus.Saved, (await RecordAsync(_sri, 3, 12m)).Status);
        Assert.Equal(SaveStatus.Refused, (await RecordAsync(_agus, 3, 12m)).Status);
        Assert.Equal("TW III dibuka untuk Anda sampai 20 November 2025.", (await _access.WindowAsync(_sri, 2025, 3)).Message);

        var view = await _locks.QuarterAsync(2025, 3);
        Assert.Equal(QuarterPhase.Closed, view.Phase);
        var exception = Assert.Single(view.Exceptions);
        Assert.Equal(("sri", "Sri Lestari", new DateOnly(2025, 11, 20), "Sakit saat jendela pengisian", "Rina Perencana", true),
            (exception.UserName, exception.DisplayName, exception.Until, exception.Reason, exception.By, exception.Active));
    }

    [Fact]
    public async Task Exception_WithBadInput_IsRefusedNextToTheRightField()
    {
        async Task<string> FieldOf(string user, int quarter, DateOnly until, string? reason) =>
            Assert.Single((await _locks.GrantExceptionAsync(_planner, user, 2025, quarter, until, reason)).Issues).Field;

        Assert.Equal("Reason", await FieldOf("sri", 3, new DateOnly(2025, 11, 20), null));
        Assert.Equal("Until", await FieldOf("sri", 3, new DateOnly(2025, 11, 14), "terlambat lapor"));
        // TW IV is open until 10 Jan 2026 anyway.
        Assert.Equal("Until", await FieldOf("sri", 4, new DateOnly(2026, 1, 10), "perpanjangan"));
        Assert.Equal("User", await FieldOf("rina", 3, new DateOnly(2025, 11, 20), "perencana tidak perlu"));
        Assert.Equal("User", await FieldOf("tidak-ada", 3, new DateOnly(2025, 11, 20), "pengguna tidak ada"));

        Assert.Equal(SaveStatus.Saved, (await _locks.LockAsync(_planner, 2025, 3)).Status);
        var locked = await _locks.GrantExceptionAsync(_planner, "sri", 2025, 3, new DateOnly(2025, 11, 20), "sudah dikunci");
        Assert.Equal(SaveStatus.Refused, locked.Status);
        Assert.Contains("dibuka kembali", locked.Issues[0].Message);
        Assert.Empty(await _app.AuditAsync(AuditActions.ExceptionGranted));
    }

    [Fact]
    public async Task EveryStep_IsAudited_WithStateBeforeAndAfter()
    {
        await _locks.LockAsync(_planner, 2025, 4, "Rapat evaluasi");
        await _locks.ReopenAsync(_planner, 2025, 4, "Koreksi data");
        await _locks.GrantExceptionAsync(_planner, "sri", 2025, 3, new DateOnly(2025, 11, 20), "Sakit saat jendela");
        await _locks.GrantExceptionAsync(_planner, "sri", 2025, 3, new DateOnly(2025, 11, 25), "Masih sakit");

        var locked = Assert.Single(await _app.AuditAsync(AuditActions.QuarterLocked));
        Assert.Equal(("rina", "Triwulan", "2025:TW4"), (locked.Actor, locked.Entity, locked.EntityKey));
        Assert.Contains("\"Status\":\"Terbuka\"", locked.Before);
        Assert.Contains("\"Status\":\"Dikunci\"", locked.After);
        Assert.Contains("\"Alasan\":\"Rapat evaluasi\"", locked.After);

        var reopened = Assert.Single(await _app.AuditAsync(AuditActions.QuarterReopened));
        Assert.Contains("\"Status\":\"Dikunci\"", reopened.Before);
        Assert.Contains("\"Alasan\":\"Rapat evaluasi\"", reopened.Before);
        Assert.Contains("\"Status\":\"Dibuka kembali\"", reopened.After);
        Assert.Contains("\"Alasan\":\"Koreksi data\"", reopened.After);

        var exceptions = await _app.AuditAsync(AuditActions.ExceptionGranted);
        Assert.Equal(2, exceptions.Count);
        Assert.Equal("2025:TW3:sri", exceptions[0].EntityKey);
        Assert.Null(exceptions[0].Before);
        Assert.Contains("\"Sampai\":\"2025-11-20\"", exceptions[0].After);
        Assert.Contains("\"Sampai\":\"2025-11-20\"", exceptions[1].Before);
        Assert.Contains("\"Sampai\":\"2025-11-25\"", exceptions[1].After);
        Assert.Contains("Masih sakit", exceptions[1].After);
    }

    [Fact]
    public async Task Quarters_ShowWindowDatesAndPhases_ForThePlanYear()
    {
        var quarters = await _locks.QuartersAsync(2025);

        Assert.Equal([QuarterPhase.Closed, QuarterPhase.Closed, QuarterPhase.Closed, QuarterPhase.Open], quarters.Select(q => q.Phase).ToArray());
        Assert.Equal(new DateOnly(2025, 10, 10), quarters[2].Closes);
        Assert.Equal(new DateOnly(2026, 1, 10), quarters[3].Closes);
        Assert.All(quarters, q => Assert.Null(q.LastAction));
        Assert.Equal(["agus", "sri"], (await _locks.OfficersAsync()).Select(o => o.UserName).ToArray());
    }
}

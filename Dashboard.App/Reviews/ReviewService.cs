using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Reviews;

/// <summary>Verification of an indicator's quarter by a planner: Diajukan → Diverifikasi, or Dikembalikan with a reason.</summary>
public sealed class ReviewService(IDbContextFactory<DashboardDbContext> factory, PlanReadModel plans, LiveUpdates live, TimeProvider time, UserSessions sessions)
{
    public Task<SaveResult> VerifyAsync(ActingUser actor, int year, string indicatorCode, int quarter, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(actor, year, indicatorCode, quarter, expectedVersion, ReviewState.Verified, null, ct);

    public Task<SaveResult> ReturnAsync(ActingUser actor, int year, string indicatorCode, int quarter, int expectedVersion, string? reason, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5
            ? Task.FromResult(new SaveResult(SaveStatus.Invalid, [new RuleIssue("Reason", "Alasan pengembalian wajib diisi (minimal 5 karakter).", false)]))
            : StepAsync(actor, year, indicatorCode, quarter, expectedVersion, ReviewState.Returned, reason.Trim(), ct);

    private async Task<SaveResult> StepAsync(ActingUser actor, int year, string indicatorCode, int quarter, int expectedVersion, ReviewState state, string? reason,
        CancellationToken ct)
    {
        if (!Permissions.CanReview(actor.Roles.ToList())) return SaveResult.Refused("Role", "Hanya perencana atau admin yang dapat memverifikasi.");
        if (!await sessions.IsCurrentAsync(actor, ct)) return SaveResult.Refused("Role", UserSessions.EndedMessage);
        if (reason is { Length: > 1000 }) return new SaveResult(SaveStatus.Invalid, [new RuleIssue("Reason", "Alasan maksimal 1.000 karakter.", false)]);
        var snapshot = await plans.GetAsync(year, ct);
        var indicator = snapshot?.Index.FindIndicator(indicatorCode);
        if (snapshot is null || indicator is null) return SaveResult.NotFound($"Indikator {indicatorCode} tidak ada pada rencana {year}.");

        var current = snapshot.ReviewOf(indicatorCode, quarter);
        if (current.State == ReviewState.None)
        {
            return SaveResult.Refused("State", $"Belum ada realisasi {Quarters.Label(quarter)} yang diajukan untuk diverifikasi.");
        }
        if (current.Version != expectedVersion)
        {
            return new SaveResult(SaveStatus.Conflict, [new RuleIssue("State", $"Status sudah berubah menjadi {current.State.Label()} oleh {current.By}. Muat ulang.", false)]);
        }
        if (current.State == state) return new SaveResult(SaveStatus.Saved, []);

        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var indicatorId = snapshot.IndicatorIds[indicatorCode];
        db.Reviews.Add(new ReviewRecord { IndicatorId = indicatorId, Quarter = quarter, Version = current.Version + 1, State = (int)state, Reason = reason, At = now, By = actor.DisplayName });
        AuditLog.Add(db, now, actor.UserName, state == ReviewState.Verified ? AuditActions.Verified : AuditActions.Returned, "Verifikasi",
            $"{year}:{indicatorCode}:TW{quarter}",
            before: new { Status = current.State.Label(), current.Version },
            after: new { Status = state.Label(), Version = current.Version + 1, Alasan = reason });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new SaveResult(SaveStatus.Conflict, [new RuleIssue("State", "Status baru saja diubah orang lain. Muat ulang.", false)]);
        }
        await live.PublishAsync(new ReviewChanged(year, indicatorCode, indicator.Name, quarter, state, reason, actor.DisplayName, now, current.Version + 1));
        return new SaveResult(SaveStatus.Saved, []);
    }
}

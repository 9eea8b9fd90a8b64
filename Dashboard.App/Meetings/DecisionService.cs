using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Meetings;

/// <summary>A meeting decision as shown on slides and in an indicator's history.</summary>
public sealed record DecisionView(long Id, string IndicatorCode, int Year, int Quarter, string Text, string Owner, DateOnly? DueDate, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>Decisions and follow-up actions of quarterly evaluation meetings.</summary>
public sealed class DecisionService(IDbContextFactory<DashboardDbContext> factory, TimeProvider time, UserSessions sessions)
{
    public async Task<SaveResult> AddAsync(ActingUser actor, int year, string indicatorCode, int quarter, string? text, string? owner, DateOnly? due, CancellationToken ct = default)
    {
        if (!Permissions.CanReview(actor.Roles.ToList())) return SaveResult.Refused("Role", "Hanya perencana atau admin yang mencatat keputusan rapat.");
        if (!await sessions.IsCurrentAsync(actor, ct)) return SaveResult.Refused("Role", UserSessions.EndedMessage);
        var issues = new List<RuleIssue>();
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 5) issues.Add(new RuleIssue("Text", "Isi keputusan / tindak lanjut (minimal 5 karakter).", false));
        else if (text.Length > 2000) issues.Add(new RuleIssue("Text", "Keputusan maksimal 2.000 karakter.", false));
        if (string.IsNullOrWhiteSpace(owner)) issues.Add(new RuleIssue("Owner", "Penanggung jawab wajib diisi.", false));
        else if (owner.Length > 200) issues.Add(new RuleIssue("Owner", "Penanggung jawab maksimal 200 karakter.", false));
        if (quarter is < 1 or > 4) issues.Add(new RuleIssue("Quarter", "Triwulan harus 1 sampai 4.", false));
        if (due is { } d && d < DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(-1)) issues.Add(new RuleIssue("DueDate", "Tenggat tidak wajar.", false));
        if (issues.Count > 0) return new SaveResult(SaveStatus.Invalid, issues);

        await using var db = await factory.CreateDbContextAsync(ct);
        int indicatorId;
        try
        {
            indicatorId = await RealisationService.IndicatorIdAsync(db, year, indicatorCode, ct);
        }
        catch (KeyNotFoundException e)
        {
            return SaveResult.NotFound(e.Message);
        }
        var record = new DecisionRecord
        {
            IndicatorId = indicatorId, Year = year, Quarter = quarter, Text = text!.Trim(), Owner = owner!.Trim(), DueDate = due,
            CreatedAt = time.GetUtcNow(), CreatedBy = actor.DisplayName,
        };
        db.Decisions.Add(record);
        AuditLog.Add(db, record.CreatedAt, actor.UserName, AuditActions.DecisionAdded, "Keputusan", $"{year}:{indicatorCode}:TW{quarter}",
            after: new { record.Text, record.Owner, record.DueDate });
        await db.SaveChangesAsync(ct);
        return new SaveResult(SaveStatus.Saved, [], record.Id);
    }

    /// <summary>Decisions of a year, optionally of one meeting quarter or one indicator, oldest first.</summary>
    public async Task<IReadOnlyList<DecisionView>> ListAsync(int year, int? quarter = null, string? indicatorCode = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Decisions.AsNoTracking()
            .Where(d => d.Year == year && (quarter == null || d.Quarter == quarter))
            .Join(db.Indicators, d => d.IndicatorId, i => i.Id, (d, i) => new { d, i.Code })
            .Where(x => indicatorCode == null || x.Code == indicatorCode)
            .ToListAsync(ct);
        return rows.OrderBy(x => x.d.Id)
            .Select(x => new DecisionView(x.d.Id, x.Code, x.d.Year, x.d.Quarter, x.d.Text, x.d.Owner, x.d.DueDate, x.d.CreatedBy, x.d.CreatedAt))
            .ToList();
    }
}

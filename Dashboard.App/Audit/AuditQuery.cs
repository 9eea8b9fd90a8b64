using System.Globalization;
using Dashboard.App.Data;
using Dashboard.Domain.Status;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Audit;

/// <summary>One page of the audit log, newest first.</summary>
public sealed record AuditResultPage(IReadOnlyList<AuditRecord> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads the audit log: filtered, newest first, a page at a time or all of it (capped) for the export.</summary>
public sealed class AuditQuery(IDbContextFactory<DashboardDbContext> factory, AgencyClock clock)
{
    public const int PageSize = 50;
    public const int ExportLimit = 50_000;

    public async Task<AuditResultPage> PageAsync(AuditFilter filter, int page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditResultPage(rows, total, page, PageSize);
    }

    /// <summary>Every matching row up to <paramref name="limit"/>, newest first.</summary>
    public async Task<List<AuditRecord>> ExportAsync(AuditFilter filter, int limit = ExportLimit, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Filtered(db, filter).OrderByDescending(a => a.Id).Take(limit).ToListAsync(ct);
    }

    public async Task<int> CountAsync(AuditFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Filtered(db, filter).CountAsync(ct);
    }

    /// <summary>The entity names that occur in the log, for the filter's choices.</summary>
    public async Task<List<string>> EntitiesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Audit.AsNoTracking().Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
    }

    /// <summary>The UTC instants a WIB date range covers: [start of From, start of the day after To).</summary>
    public (DateTimeOffset? Start, DateTimeOffset? End) Bounds(AuditFilter filter) =>
        (filter.From is { } from ? StartOfDay(from) : null, filter.To is { } to ? StartOfDay(to.AddDays(1)) : null);

    private DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private IQueryable<AuditRecord> Filtered(DashboardDbContext db, AuditFilter filter)
    {
        var query = db.Audit.AsNoTracking();
        var (start, end) = Bounds(filter);
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            // timestamptz compares instants natively.
            if (start is { } from) query = query.Where(a => a.At >= from);
            if (end is { } to) query = query.Where(a => a.At < to);
        }
        else if (start is not null || end is not null)
        {
            // EF Core cannot compare DateTimeOffset columns on SQLite, and the stored text ("2025-05-15 03:00:00+00:00")
            // only sorts correctly while every writer uses the same offset. julianday() reads the offset and compares instants.
            var startText = start?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var endText = end?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            query = db.Audit.FromSql($"""
                SELECT * FROM "Audit"
                WHERE ({startText} IS NULL OR julianday("At") >= julianday({startText}))
                  AND ({endText} IS NULL OR julianday("At") < julianday({endText}))
                """).AsNoTracking();
        }
        if (filter.Actor is { } actor)
        {
            var pattern = Contains(actor);
            query = postgres
                ? query.Where(a => EF.Functions.ILike(a.Actor, pattern, EscapeChar))
                : query.Where(a => EF.Functions.Like(a.Actor, pattern, EscapeChar));
        }
        if (filter.Action is { } action) query = query.Where(a => a.Action == action);
        if (filter.Entity is { } entity) query = query.Where(a => a.Entity == entity);
        if (filter.Text is { } text)
        {
            var pattern = Contains(text);
            // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE is the same search.
            query = postgres
                ? query.Where(a =>
                    EF.Functions.ILike(a.EntityKey!, pattern, EscapeChar) || EF.Functions.ILike(a.Before!, pattern, EscapeChar) ||
                    EF.Functions.ILike(a.After!, pattern, EscapeChar) || EF.Functions.ILike(a.Detail!, pattern, EscapeChar))
                : query.Where(a =>
                EF.Functions.Like(a.EntityKey, pattern, EscapeChar) || EF.Functions.Like(a.Before, pattern, EscapeChar) ||
                EF.Functions.Like(a.After, pattern, EscapeChar) || EF.Functions.Like(a.Detail, pattern, EscapeChar));
        }
        return query;
    }

    private const string EscapeChar = "\\";

    /// <summary>A LIKE pattern for "contains", with the user's % and _ taken literally.</summary>
    private static string Contains(string value) =>
        "%" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}

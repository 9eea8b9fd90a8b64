using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Audit;

/// <summary>One app on a fresh database for a test class; each test starts from an empty audit log.</summary>
public sealed class AuditDb : IAsyncLifetime
{
    public AppFactory App { get; } = new();

    public AuditQuery Query => App.Services.GetRequiredService<AuditQuery>();

    public Task InitializeAsync()
    {
        _ = App.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task ClearAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        await db.Audit.ExecuteDeleteAsync();
    }

    /// <summary>Writes rows in the given order (so ids rise in that order) through the app's own writer.</summary>
    public async Task AddAsync(params Row[] rows)
    {
        await using var db = await Factory.CreateDbContextAsync();
        foreach (var r in rows) AuditLog.Add(db, r.At, r.Actor, r.Action, r.Entity, r.Key, r.Before, r.After, r.Detail);
        await db.SaveChangesAsync();
    }

    private IDbContextFactory<DashboardDbContext> Factory => App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2025, month, day, hour, minute, second, TimeSpan.Zero);

    public sealed record Row(
        DateTimeOffset At,
        string Actor = "budi",
        string Action = AuditActions.RealisationRecorded,
        string Entity = "Realisasi",
        string? Key = null,
        object? Before = null,
        object? After = null,
        string? Detail = null);
}

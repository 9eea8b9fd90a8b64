using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Data;

/// <summary>Which database the app runs on: <c>Database:Provider</c> = <c>Sqlite</c> (default, embedded file) or
/// <c>Postgres</c> (Npgsql; the shared database of several instances). Each has its own migrations: SQLite in
/// <c>Data/Migrations</c> for <see cref="DashboardDbContext"/>, PostgreSQL in <c>Data/Postgres/Migrations</c> for
/// <see cref="PostgresDashboardDbContext"/> (same model, a derived type only so that EF Core keeps the two apart).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The provider this process runs on (a singleton, for the few places that differ: backups, audit date filter).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider)
{
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;
}

public static class DatabaseProviders
{
    public const string ConfigurationKey = "Database:Provider";

    public static DatabaseProvider From(IConfiguration configuration) => Parse(configuration[ConfigurationKey]);

    public static DatabaseProvider Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{ConfigurationKey} '{value}' tidak dikenal: pakai Sqlite atau Postgres."),
    };

    /// <summary>The provider's options for one connection string (also what design-time factories and tests use).</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            // Transient failures (a failover, a restart) are retried by the execution strategy; the write path uses
            // explicit transactions, so it runs them inside the strategy (see RealisationService).
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
        }
    }
}

/// <summary>Hands out <see cref="PostgresDashboardDbContext"/> for PostgreSQL so that its own migrations apply; every
/// caller still asks for <see cref="DashboardDbContext"/>.</summary>
public sealed class DashboardDbContextFactory(DbContextOptions<DashboardDbContext> options, DatabaseInfo database) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() =>
        database.IsPostgres ? new PostgresDashboardDbContext(options) : new DashboardDbContext(options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.App.Data;

/// <summary>
/// The same model as <see cref="DashboardDbContext"/> on PostgreSQL. A type of its own only so that EF Core finds the
/// PostgreSQL migrations (<c>Data/Postgres/Migrations</c>, attributed to this type) apart from the SQLite ones.
/// Add a migration for both providers after a model change (README, "Database migrations"):
/// <code>
/// dotnet ef migrations add Name --project Dashboard.App --context DashboardDbContext --output-dir Data/Migrations
/// dotnet ef migrations add Name --project Dashboard.App --context PostgresDashboardDbContext --output-dir Data/Postgres/Migrations
/// </code>
/// </summary>
public sealed class PostgresDashboardDbContext(DbContextOptions<DashboardDbContext> options) : DashboardDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        // timestamptz stores instants and Npgsql accepts only UTC offsets; the app hands some values over in agency
        // time (UTC+7). SQLite keeps the text as given, and the audit filter compares instants there too.
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffset>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffset>();
    }

    private sealed class UtcDateTimeOffset() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);
}

/// <summary>Design time (<c>dotnet ef</c>): no server is needed to add a migration.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDashboardDbContext>
{
    public PostgresDashboardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseProviders.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=renaksi;Username=renaksi");
        return new PostgresDashboardDbContext(options.Options);
    }
}

/// <summary>Design time for the SQLite migrations, so that <c>dotnet ef</c> never needs the app's host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseProviders.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new DashboardDbContext(options.Options);
    }
}

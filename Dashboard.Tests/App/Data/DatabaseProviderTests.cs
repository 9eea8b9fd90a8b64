using Dashboard.App.Data;
using Dashboard.App.Infrastructure;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Data;

/// <summary>Both providers' migrations against the one model, and the provider switch.</summary>
public sealed class DatabaseProviderTests
{
    [Fact]
    public void SqliteMigrations_CoverTheWholeModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: dotnet ef migrations add Name --project Dashboard.App --context DashboardDbContext --output-dir Data/Migrations");
    }

    [Fact]
    public void PostgresMigrations_CoverTheWholeModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: dotnet ef migrations add Name --project Dashboard.App --context PostgresDashboardDbContext --output-dir Data/Postgres/Migrations");
    }

    [Fact]
    public void EachProvider_SeesOnlyItsOwnMigrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();

        Assert.Contains(sqliteMigrations, m => m.EndsWith("_InitialPlan", StringComparison.Ordinal));
        Assert.Contains(postgresMigrations, m => m.EndsWith("_InitialPostgres", StringComparison.Ordinal));
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("SQLite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("postgresql", DatabaseProvider.Postgres)]
    public void Provider_IsReadFromItsSetting(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.Parse(value));

    [Fact]
    public void UnknownProvider_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => DatabaseProviders.Parse("mysql"));

    [Fact]
    public void Postgres_WithoutAConnectionString_IsRefusedAtStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddDashboardCore(configuration, Path.GetTempPath()));
        Assert.Contains("ConnectionStrings:Dashboard", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppsContexts_AreOfTheConfiguredProvider()
    {
        await using var app = new AppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();

        Assert.Equal(app.Provider == DatabaseProvider.Postgres, db.Database.IsNpgsql());
        Assert.Equal(app.Provider == DatabaseProvider.Postgres, db is PostgresDashboardDbContext);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptInTheSharedDatabase()
    {
        await using var app = new AppFactory();
        _ = app.CreateClient();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();

        var key = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
    }
}

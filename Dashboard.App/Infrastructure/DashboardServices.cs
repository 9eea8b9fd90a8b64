using System.Globalization;
using Dashboard.App.Data;
using Dashboard.Domain.Checks;
using Dashboard.Domain.Status;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Infrastructure;

public static class DashboardServices
{
    public const string ConnectionName = "Dashboard";

    /// <summary>What the web app and the command line share: database, clock, evaluator, plan checks.</summary>
    public static IServiceCollection AddDashboardCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = DatabaseProviders.From(configuration);
        var connection = provider == DatabaseProvider.Postgres
            ? configuration.GetConnectionString(ConnectionName) is { Length: > 0 } pg ? pg
                : throw new InvalidOperationException($"{DatabaseProviders.ConfigurationKey}=Postgres perlu ConnectionStrings:{ConnectionName} (Host=…;Database=…;Username=…;Password=…).")
            : ResolveConnectionString(configuration.GetConnectionString(ConnectionName), contentRoot);
        services.AddSingleton(new DatabaseInfo(provider));
        services.AddDbContextFactory<DashboardDbContext, DashboardDbContextFactory>(o => DatabaseProviders.Configure(o, provider, connection));
        services.AddSingleton(CreateTimeProvider(configuration["Dashboard:Today"]));
        services.AddSingleton(sp => new AgencyClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StatusEvaluator>();
        services.AddSingleton<PlanChecker>();
        services.AddSingleton<PlanRepository>();
        services.AddSingleton<Live.PlanReadModel>();
        services.AddSingleton<PlanSeeder>();
        services.AddSingleton<SampleRealisations>();
        services.Configure<Security.EntryWindowOptions>(configuration.GetSection(Security.EntryWindowOptions.SectionName));
        services.Configure<Security.SessionOptions>(configuration.GetSection(Security.SessionOptions.SectionName));
        services.AddSingleton<Security.SecurityCheckCache>();
        services.AddSingleton<Security.UserSessions>();
        services.AddSingleton<Security.AccessService>();
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<Security.UserSetup>();
        services.AddSingleton<Security.ApiTokenService>();
        services.AddSingleton<Meetings.DecisionService>();
        return services;
    }

    /// <summary>Default: a file under App_Data of the app; a relative Data Source is taken relative to the app's folder.</summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/dashboard.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }

    /// <summary>"Dashboard:Today" (yyyy-MM-dd) moves the clock to that day for demos; time of day keeps running.</summary>
    public static TimeProvider CreateTimeProvider(string? today)
    {
        if (string.IsNullOrWhiteSpace(today)) return TimeProvider.System;
        if (!DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InvalidOperationException($"Dashboard:Today '{today}' bukan tanggal yyyy-MM-dd.");
        }
        return new ShiftedTimeProvider(date);
    }

    private sealed class ShiftedTimeProvider(DateOnly day) : TimeProvider
    {
        private readonly TimeSpan _offset = day.ToDateTime(TimeOnly.MinValue) - DateOnly.FromDateTime(
            TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, AgencyClock.DefaultZone).DateTime).ToDateTime(TimeOnly.MinValue);

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}

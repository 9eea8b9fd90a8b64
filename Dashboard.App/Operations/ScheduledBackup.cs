using System.Globalization;
using Dashboard.Domain.Status;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Operations;

/// <summary><c>Dashboard:Backup</c>: the daily backup.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Dashboard:Backup";

    /// <summary>Off switch for the daily backup (the CLI <c>backup</c> works regardless).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder of the daily backups; relative to the app's folder. Default App_Data/backups.</summary>
    public string Folder { get; set; } = "App_Data/backups";

    /// <summary>Time of day (agency time, HH:mm) of the daily backup.</summary>
    public string At { get; set; } = "02:00";

    /// <summary>How many daily backups to keep; older ones are deleted after a successful backup.</summary>
    public int Keep { get; set; } = 14;
}

/// <summary>Makes a backup every day at <see cref="BackupOptions.At"/> and keeps the newest <see cref="BackupOptions.Keep"/>.</summary>
public sealed class ScheduledBackup(DatabaseBackup backup, IOptions<BackupOptions> options, AgencyClock clock, TimeProvider time,
    IHostEnvironment environment, ILogger<ScheduledBackup> logger) : BackgroundService
{
    public const string FilePrefix = "renaksi-";

    public string Folder => Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    /// <summary>The next moment at <paramref name="at"/> (agency time) strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = new DateTimeOffset(local.Date + at.ToTimeSpan(), local.Offset);
        return candidate > local ? candidate : candidate.AddDays(1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !backup.IsSupported) return;
        var at = TimeOnly.ParseExact(options.Value.At, "HH:mm", CultureInfo.InvariantCulture);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var delay = NextRun(now, at, clock.Zone) - now;
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed night must not stop the next one.
                logger.LogError(e, "Cadangan harian gagal");
            }
        }
    }

    /// <summary>One backup named after the agency date and time, then the retention.</summary>
    public async Task<BackupResult> RunOnceAsync(CancellationToken ct = default)
    {
        var stamp = TimeZoneInfo.ConvertTime(time.GetUtcNow(), clock.Zone).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var result = await backup.BackupAsync(Path.Combine(Folder, $"{FilePrefix}{stamp}.db"), ct);
        if (!result.Ok)
        {
            logger.LogError("Cadangan harian gagal: {Message}", result.Message);
            return result;
        }
        Prune();
        return result;
    }

    /// <summary>Deletes the oldest daily backups beyond <see cref="BackupOptions.Keep"/> (only files this service names).</summary>
    public void Prune()
    {
        var keep = Math.Max(1, options.Value.Keep);
        var old = new DirectoryInfo(Folder).GetFiles($"{FilePrefix}*.db").OrderByDescending(f => f.Name, StringComparer.Ordinal).Skip(keep);
        foreach (var file in old)
        {
            file.Delete();
            logger.LogInformation("Cadangan lama dihapus: {File}", file.Name);
        }
    }
}

public static class BackupServices
{
    public static IServiceCollection AddDatabaseBackup(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BackupOptions>(configuration.GetSection(BackupOptions.SectionName));
        services.AddSingleton<DatabaseBackup>();
        return services;
    }

    /// <summary>The daily backup, for the web app only (not the command line).</summary>
    public static IServiceCollection AddScheduledBackup(this IServiceCollection services)
    {
        services.AddSingleton<ScheduledBackup>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackup>());
        return services;
    }
}

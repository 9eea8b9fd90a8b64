using Dashboard.App.Cli;
using Dashboard.App.Data;
using Dashboard.App.Operations;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.App.Operations;

/// <summary><c>backup FILE</c> (online, while the app writes) and <c>restore FILE</c> (checked, the old database kept aside).</summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private const string Indicator = "T2.S1.P1.K3.SK3.I1";

    // Backups use SQLite's online backup API (PostgreSQL: pg_dump, see README): always on SQLite.
    private readonly AppFactory _app = new(today: "2025-05-15", provider: Dashboard.App.Data.DatabaseProvider.Sqlite);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"renaksi-backup-{Guid.NewGuid():N}");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, $"--ConnectionStrings:Dashboard={_app.ConnectionString}"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task RecordAsync(string note)
    {
        var result = await _app.Services.GetRequiredService<RealisationService>().RecordAsync(new RecordRealisation(2025, Indicator, 2, EntryKind.Increment, 1m,
            new DateOnly(2025, 5, 12), ActingUser.Of("Rina", Roles.Planner), Note: note, Confirmed: true));
        Assert.Equal(SaveStatus.Saved, result.Status);
    }

    private static async Task<List<string>> NotesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Note FROM Realisations WHERE Note IS NOT NULL ORDER BY Id";
        var notes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) notes.Add(reader.GetString(0));
        return notes;
    }

    private string LivePath => new SqliteConnectionStringBuilder(_app.ConnectionString).DataSource;

    [Fact]
    public async Task Backup_WhileTheAppWrites_IsAConsistentCopy_ThatTheCheckAccepts()
    {
        await RecordAsync("sebelum");
        var file = Path.Combine(_dir, "cadangan.db");
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await RecordAsync($"selama-{written}");
                written++;
            }
        });

        var (code, output, error) = await CliAsync("backup", file);
        stop.Cancel();
        await writer;

        Assert.True(code == 0, error);
        Assert.Contains("Cadangan dibuat", output);
        Assert.False(File.Exists(file + "-wal"));
        Assert.True((await _app.Services.GetRequiredService<DatabaseBackup>().CheckAsync(file)).Ok);
        var notes = await NotesAsync(file);
        Assert.Equal("sebelum", notes[0]);
        // Every write the backup holds is a whole one, in order (a prefix of what was written).
        Assert.Equal(Enumerable.Range(0, notes.Count - 1).Select(i => $"selama-{i}"), notes.Skip(1));
    }

    [Fact]
    public async Task Restore_PutsTheBackupBack_AndKeepsTheOldDatabaseAside()
    {
        await RecordAsync("di-cadangan");
        var file = Path.Combine(_dir, "cadangan.db");
        Assert.Equal(0, (await CliAsync("backup", file)).Code);
        await RecordAsync("setelah-cadangan");

        var (code, output, error) = await CliAsync("restore", file);

        Assert.True(code == 0, error);
        Assert.Equal(["di-cadangan"], await NotesAsync(LivePath));
        var aside = Directory.GetFiles(Path.GetDirectoryName(LivePath)!, Path.GetFileNameWithoutExtension(LivePath) + ".sebelum-pulih-*.db");
        var kept = Assert.Single(aside);
        Assert.Contains(kept, output);
        Assert.Equal(["di-cadangan", "setelah-cadangan"], await NotesAsync(kept));
        File.Delete(kept);
    }

    [Fact]
    public async Task Restore_RefusesANonBackup_AndAWrongSchema_AndChangesNothing()
    {
        await RecordAsync("tetap");
        var text = Path.Combine(_dir, "bukan.db");
        await File.WriteAllTextAsync(text, "ini bukan basis data");
        var other = Path.Combine(_dir, "lain.db");
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Plans (Id INTEGER); CREATE TABLE Realisations (Id INTEGER);";
            await command.ExecuteNonQueryAsync();
        }
        var future = Path.Combine(_dir, "masa-depan.db");
        Assert.Equal(0, (await CliAsync("backup", future)).Code);
        await using (var connection = new SqliteConnection($"Data Source={future};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory VALUES ('29990101000000_FromTheFuture', '99.0')";
            await command.ExecuteNonQueryAsync();
        }

        var notSqlite = await CliAsync("restore", text);
        var wrongSchema = await CliAsync("restore", other);
        var newerApp = await CliAsync("restore", future);
        var missing = await CliAsync("restore", Path.Combine(_dir, "tidak-ada.db"));

        Assert.Equal(1, notSqlite.Code);
        Assert.Contains("bukan SQLite", notSqlite.Err);
        Assert.Equal(1, wrongSchema.Code);
        Assert.Contains("bukan cadangan Renaksi Live", wrongSchema.Err);
        Assert.Equal(1, newerApp.Code);
        Assert.Contains("FromTheFuture", newerApp.Err);
        Assert.Equal(1, missing.Code);
        Assert.Equal(["tetap"], await NotesAsync(LivePath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(LivePath)!, Path.GetFileNameWithoutExtension(LivePath) + ".sebelum-pulih-*.db"));
    }

    [Fact]
    public async Task DailyBackup_WritesANamedFile_AndKeepsOnlyTheNewest()
    {
        await using var app = _app.WithWebHostBuilder(b => b
            .UseSetting("Dashboard:Backup:Folder", _dir)
            .UseSetting("Dashboard:Backup:Keep", "2"));
        var scheduled = app.Services.GetRequiredService<ScheduledBackup>();
        foreach (var old in new[] { "renaksi-20250101-020000.db", "renaksi-20250102-020000.db", "renaksi-20250103-020000.db" })
        {
            await File.WriteAllTextAsync(Path.Combine(_dir, old), "lama");
        }
        await File.WriteAllTextAsync(Path.Combine(_dir, "catatan-admin.txt"), "bukan cadangan");

        var result = await scheduled.RunOnceAsync();

        Assert.True(result.Ok, result.Message);
        var left = Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["catatan-admin.txt", "renaksi-20250103-020000.db", Path.GetFileName(result.File)], left);
        Assert.Matches(@"^renaksi-2025\d{4}-\d{6}\.db$", Path.GetFileName(result.File));
    }

    [Theory]
    [InlineData("2025-05-15T01:00:00+07:00", "2025-05-15T02:00:00+07:00")]
    [InlineData("2025-05-15T02:00:00+07:00", "2025-05-16T02:00:00+07:00")]
    [InlineData("2025-05-15T23:30:00+07:00", "2025-05-16T02:00:00+07:00")]
    [InlineData("2025-05-14T20:00:00+00:00", "2025-05-16T02:00:00+07:00")]
    public void NextRun_IsTheNextTwoOClockAgencyTime(string now, string expected)
    {
        var next = ScheduledBackup.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(2, 0),
            Dashboard.Domain.Status.AgencyClock.DefaultZone);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void DailyBackup_IsOnByDefault_WithAFortnightKept()
    {
        var options = _app.Services.GetRequiredService<IOptions<BackupOptions>>().Value;

        Assert.True(options.Enabled);
        Assert.Equal(14, options.Keep);
        Assert.Equal("02:00", options.At);
    }
}

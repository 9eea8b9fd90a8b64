using Dashboard.App.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Operations;

/// <summary>The outcome of a backup or restore: ok, or an Indonesian reason.</summary>
public sealed record BackupResult(bool Ok, string Message, string? File = null);

/// <summary>
/// Backups with SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): a consistent
/// copy page by page, WAL included, safe while the app writes. Restore checks the file is a backup of this schema first
/// and keeps the current database aside.
/// </summary>
public sealed class DatabaseBackup(IDbContextFactory<DashboardDbContext> factory, DatabaseInfo database, TimeProvider time, ILogger<DatabaseBackup> logger)
{
    /// <summary>PostgreSQL is backed up with its own tools (pg_dump, WAL archiving), not by the app.</summary>
    public const string PostgresMessage = "Basis data PostgreSQL dicadangkan dengan pg_dump / pg_basebackup, bukan oleh aplikasi (lihat README, Deployment).";

    public bool IsSupported => !database.IsPostgres;

    private static readonly string[] RequiredTables = ["Plans", "Nodes", "Indicators", "Realisations", "Audit", "__EFMigrationsHistory"];

    private string ConnectionString
    {
        get
        {
            using var db = factory.CreateDbContext();
            return db.Database.GetConnectionString()!;
        }
    }

    /// <summary>The live database file.</summary>
    public string DatabasePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>Writes a consistent copy to <paramref name="target"/> (via a temporary file, so a half-written backup never has the name).</summary>
    public async Task<BackupResult> BackupAsync(string target, CancellationToken ct = default)
    {
        if (!IsSupported) return new BackupResult(false, PostgresMessage);
        var full = Path.GetFullPath(target);
        if (string.Equals(full, Path.GetFullPath(DatabasePath), StringComparison.Ordinal))
        {
            return new BackupResult(false, "Berkas cadangan tidak boleh sama dengan basis data yang berjalan.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.Delete(temp);
        await using (var source = new SqliteConnection(ConnectionString))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            // A single self-contained file: no -wal next to it.
            await ExecAsync(destination, "PRAGMA journal_mode=DELETE;", ct);
        }
        var check = await CheckAsync(temp, ct);
        if (!check.Ok)
        {
            File.Delete(temp);
            return check;
        }
        File.Move(temp, full, overwrite: true);
        logger.LogInformation("Cadangan basis data dibuat: {File} ({Bytes} byte)", full, new FileInfo(full).Length);
        return new BackupResult(true, $"Cadangan dibuat: {full}", full);
    }

    /// <summary>
    /// Replaces the live database with <paramref name="backupFile"/> after checking it is an intact backup of this schema;
    /// the current database is first copied to <c>…sebelum-pulih-yyyyMMdd-HHmmss.db</c> next to it.
    /// </summary>
    public async Task<BackupResult> RestoreAsync(string backupFile, CancellationToken ct = default)
    {
        if (!IsSupported) return new BackupResult(false, PostgresMessage);
        if (!File.Exists(backupFile)) return new BackupResult(false, $"Berkas {backupFile} tidak ada.");
        var check = await CheckAsync(backupFile, ct);
        if (!check.Ok) return check;

        var live = DatabasePath;
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var aside = Path.Combine(Path.GetDirectoryName(live)!, $"{Path.GetFileNameWithoutExtension(live)}.sebelum-pulih-{stamp}.db");
        var kept = await BackupAsync(aside, ct);
        if (!kept.Ok) return new BackupResult(false, $"Basis data lama tidak dapat disisihkan, pemulihan dibatalkan: {kept.Message}");

        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var destination = new SqliteConnection(ConnectionString))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
        }
        SqliteConnection.ClearAllPools();
        logger.LogWarning("Basis data dipulihkan dari {File}; yang lama disimpan di {Aside}", Path.GetFullPath(backupFile), aside);
        return new BackupResult(true, $"Dipulihkan dari {backupFile}. Basis data sebelumnya disimpan di {aside}.", aside);
    }

    /// <summary>An SQLite file that passes integrity_check, has the app's tables and no migration this app does not know.</summary>
    public async Task<BackupResult> CheckAsync(string file, CancellationToken ct = default)
    {
        var header = new byte[16];
        await using (var stream = File.OpenRead(file))
        {
            if (await stream.ReadAtLeastAsync(header, 16, throwOnEndOfStream: false, ct) < 16 || System.Text.Encoding.ASCII.GetString(header) != "SQLite format 3\0")
            {
                return new BackupResult(false, $"{file} bukan berkas cadangan basis data (bukan SQLite).");
            }
        }
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            var integrity = await ScalarAsync(connection, "PRAGMA integrity_check", ct);
            if (integrity != "ok") return new BackupResult(false, $"{file} rusak (integrity_check: {integrity}).");

            var tables = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
            }
            var missing = RequiredTables.Where(t => !tables.Contains(t)).ToList();
            if (missing.Count > 0) return new BackupResult(false, $"{file} bukan cadangan Renaksi Live: tabel {string.Join(", ", missing)} tidak ada.");

            var applied = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }
            await using var db = await factory.CreateDbContextAsync(ct);
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = applied.Where(m => !known.Contains(m)).ToList();
            if (applied.Count == 0 || unknown.Count > 0)
            {
                return new BackupResult(false, unknown.Count > 0
                    ? $"{file} berasal dari versi aplikasi lain (migrasi {string.Join(", ", unknown)} tidak dikenal)."
                    : $"{file} tidak memiliki riwayat migrasi.");
            }
            return new BackupResult(true, "ok", file);
        }
        catch (SqliteException e)
        {
            return new BackupResult(false, $"{file} tidak dapat dibaca sebagai basis data: {e.Message}");
        }
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }
}

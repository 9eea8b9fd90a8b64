using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.App.Data;

/// <summary>
/// Durability settings run on every connection EF Core opens (pooled or new), not once at start-up: synchronous and
/// busy_timeout are per connection, and a connection opened without them would silently write with the defaults.
/// <list type="bullet">
/// <item><c>journal_mode=WAL</c>: readers never block the writer; a commit is one append to the -wal file.</item>
/// <item><c>synchronous=FULL</c>: the WAL is fsync'ed at every commit, so an acknowledged save survives a process kill
/// (SIGKILL, OOM) <em>and</em> a power loss or OS crash. NORMAL would survive a process kill only: its last commits
/// may roll back on power loss. The app writes a few rows per save, so the extra fsync costs little.</item>
/// <item><c>busy_timeout</c>: a second process (CLI, backup) holding the write lock makes writers wait, not fail.</item>
/// </list>
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const int BusyTimeoutMs = 30_000;

    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

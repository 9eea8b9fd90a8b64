using Dashboard.App.Data;
using Npgsql;

namespace Dashboard.Tests.TestSupport;

/// <summary>
/// Which database provider the suite runs on: <c>RENAKSI_TEST_PROVIDER=Postgres</c> (test.sh's second pass) puts every
/// <see cref="AppFactory"/> on a fresh PostgreSQL database of its own on the server named by
/// <c>RENAKSI_TEST_POSTGRES</c> (scripts/test-services.sh starts one); otherwise a fresh SQLite file.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "RENAKSI_TEST_PROVIDER";
    public const string PostgresVariable = "RENAKSI_TEST_POSTGRES";
    public const string RedisVariable = "RENAKSI_TEST_REDIS";

    public static DatabaseProvider Provider => DatabaseProviders.Parse(System.Environment.GetEnvironmentVariable(ProviderVariable));

    /// <summary>The PostgreSQL server's connection string (no database); fails with the way to get one.</summary>
    public static string PostgresServer => System.Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{PostgresVariable} is not set: run ./test.sh, or `eval \"$(scripts/test-services.sh start /tmp/renaksi-services)\"` first.");

    /// <summary>A connection string to a new, not yet created database (EF Core's Migrate creates it).</summary>
    public static string NewPostgresDatabase() =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"renaksi_test_{Guid.NewGuid():N}" }.ToString();

    /// <summary>Drops a database made by <see cref="NewPostgresDatabase"/> (its pooled connections first).</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        try
        {
            using var connection = new NpgsqlConnection(admin.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server is gone already (end of the run): nothing to clean.
        }
    }
}

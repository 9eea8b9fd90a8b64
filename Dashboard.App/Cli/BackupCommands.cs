using Dashboard.App.Operations;

namespace Dashboard.App.Cli;

/// <summary><c>backup FILE</c> and <c>restore FILE</c>.</summary>
public static class BackupCommands
{
    public static async Task<int> BackupAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout, TextWriter stderr)
    {
        var file = args.File ?? throw new CliUsageException("sebutkan berkas cadangan, mis. backup cadangan.db");
        var result = await services.GetRequiredService<DatabaseBackup>().BackupAsync(file);
        await (result.Ok ? stdout : stderr).WriteLineAsync(result.Message);
        return result.Ok ? 0 : 1;
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout, TextWriter stderr)
    {
        var file = args.File ?? throw new CliUsageException("sebutkan berkas cadangan, mis. restore cadangan.db");
        var result = await services.GetRequiredService<DatabaseBackup>().RestoreAsync(file);
        await (result.Ok ? stdout : stderr).WriteLineAsync(result.Message);
        return result.Ok ? 0 : 1;
    }
}

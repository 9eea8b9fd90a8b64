using Dashboard.App.Plans;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;

namespace Dashboard.App.Cli;

/// <summary>
/// <c>import --year Y FILE [--sheet NAME] [--dry-run]</c>: one tab-separated line per problem on stdout (Kesalahan/Peringatan, sheet,
/// row, column, message), then one per change to a stored plan; the counts and the outcome on stderr.
/// Exit code 0 when saved (or a clean dry run), 1 when the file has errors or the save was refused, 2 for bad arguments.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout, TextWriter stderr)
    {
        var year = args.RequireYear();
        var path = args.File ?? throw new CliUsageException("berkas rencana wajib diberikan, mis. import --year 2026 rencana.xlsx.");
        if (!File.Exists(path)) throw new CliUsageException($"berkas '{path}' tidak ditemukan.");

        var service = services.GetRequiredService<PlanImportService>();
        ImportPreview preview;
        await using (var stream = File.OpenRead(path))
        {
            preview = await service.PreviewAsync(year, Path.GetFileName(path), stream, sheet: args.Options.GetValueOrDefault("sheet"));
        }

        foreach (var issue in preview.Issues)
        {
            await stdout.WriteLineAsync(string.Join('\t', issue.IsError ? "Kesalahan" : "Peringatan", issue.Sheet,
                issue.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", issue.Column ?? "-", issue.Message));
        }
        foreach (var skipped in preview.Skipped)
        {
            await stdout.WriteLineAsync(string.Join('\t', "Dilewati", skipped.Sheet,
                skipped.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), skipped.Reason, skipped.Text));
        }
        foreach (var change in preview.Changes)
        {
            await stdout.WriteLineAsync(string.Join('\t', "Perubahan", change.KindLabel, change.Entity, change.Code, change.Description));
        }

        foreach (var line in preview.Detected) await stderr.WriteLineAsync($"Terdeteksi: {line}.");
        var levels = string.Join(", ", preview.NodesPerLevel.Select(l => $"{l.Level.Label()} {l.Count}"));
        await stderr.WriteLineAsync($"Dibaca {preview.NodeCount} node dan {preview.IndicatorCount} indikator dari {preview.FileName}" +
            (preview.Sheet is { } sheet ? $" (lembar {sheet}): {levels}." : "."));
        await stderr.WriteLineAsync($"{preview.ErrorCount} kesalahan, {preview.WarningCount} peringatan, {preview.Skipped.Count} baris dilewati, {preview.Findings.Count} temuan pemeriksaan rencana.");

        if (preview.HasErrors || preview.Plan is null)
        {
            await stderr.WriteLineAsync($"Tidak ada yang disimpan: perbaiki {preview.ErrorCount} kesalahan di atas lalu impor lagi.");
            return 1;
        }
        if (args.Flag("dry-run"))
        {
            await stderr.WriteLineAsync("Uji coba (--dry-run): tidak ada yang disimpan.");
            return 0;
        }

        // Whoever runs the command line has the database in hand: acts as an admin, named in the audit log.
        var actor = new ActingUser("cli", $"cli:{Environment.UserName}", "Baris perintah", new HashSet<string> { Roles.Admin });
        var outcome = await service.ConfirmAsync(preview, actor);
        await stderr.WriteLineAsync(outcome.Message);
        return outcome.Saved ? 0 : 1;
    }
}

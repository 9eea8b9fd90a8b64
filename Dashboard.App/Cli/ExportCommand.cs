using System.Globalization;
using System.Text;
using Dashboard.App.Data;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;

namespace Dashboard.App.Cli;

public static class ExportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout, TextWriter stderr)
    {
        var year = args.RequireYear();
        var format = args.Options.TryGetValue("format", out var f) ? f.ToLowerInvariant() : throw new CliUsageException("opsi --format wajib diisi (csv atau xlsx).");
        if (format is not ("csv" or "xlsx")) throw new CliUsageException($"format '{f}' tidak didukung (didukung: csv, xlsx).");
        if (format == "xlsx") return await XlsxAsync(services, args, year, stderr);

        var snapshot = await services.GetRequiredService<PlanRepository>().LoadAsync(year)
            ?? throw new CliUsageException($"tidak ada rencana untuk tahun {year}.");
        var evaluation = snapshot.Evaluation;
        var csv = PlanCsv.Write(evaluation);

        if (args.Options.TryGetValue("out", out var path))
        {
            await File.WriteAllTextAsync(path, csv, new UTF8Encoding(false));
            await stderr.WriteLineAsync($"{snapshot.Plan.AllIndicators().Count()} indikator ditulis ke {path}.");
        }
        else
        {
            await stdout.WriteAsync(csv);
        }
        return 0;
    }

    /// <summary>The plan in the Renaksi layout (see <see cref="Plans.PlanXlsxExporter"/>); a binary file, so never to stdout.</summary>
    private static async Task<int> XlsxAsync(IServiceProvider services, ParsedArgs args, int year, TextWriter stderr)
    {
        if (!args.Options.TryGetValue("out", out var path)) throw new CliUsageException("format xlsx memerlukan --out <berkas.xlsx>.");
        var bytes = await services.GetRequiredService<Plans.PlanExportService>().XlsxAsync(year)
            ?? throw new CliUsageException($"tidak ada rencana untuk tahun {year}.");
        await File.WriteAllBytesAsync(path, bytes);
        await stderr.WriteLineAsync($"Rencana {year} ditulis ke {path} ({Plans.PlanFileReader.Megabytes(bytes.Length)}).");
        return 0;
    }
}

/// <summary>One row per indicator and one per node without indicators (so <c>import</c> reads the file back to the
/// same tree), in document order; numbers in invariant culture, a blank quarter target empty (RFC 4180 quoting).</summary>
public static class PlanCsv
{
    public static string Write(PlanEvaluation evaluation)
    {
        var columns = new List<string> { "level", "node", "indicator", "unit", "target_annual", "target_tw1", "target_tw2", "target_tw3", "target_tw4" };
        foreach (var q in Quarters.All) columns.AddRange([$"realisation_tw{q}", $"capaian_tw{q}", $"status_tw{q}"]);
        columns.AddRange(["node_code", "node_label", "indicator_code", "polarity", "aggregation", "remark"]);

        var sb = new StringBuilder();
        sb.AppendJoin(',', columns).Append('\n');
        foreach (var row in evaluation.Plan.AllNodes().SelectMany(n => n.Indicators.Count == 0 ? [(n, (Indicator?)null)] : n.Indicators.Select(i => (n, (Indicator?)i))))
        {
            var (node, found) = row;
            if (found is not { } indicator)
            {
                var empty = new List<string?> { node.Level.Label(), node.Title };
                empty.AddRange(Enumerable.Repeat<string?>(null, columns.Count - 2 - 6));
                empty.AddRange([node.Code, node.Label, null, null, null, null]);
                sb.AppendJoin(',', empty.Select(Escape)).Append('\n');
                continue;
            }
            var cells = new List<string?> { node.Level.Label(), node.Title, indicator.Name, indicator.Unit, Num(indicator.AnnualTarget) };
            cells.AddRange(indicator.QuarterTargets.Select(t => Num(t)));
            foreach (var status in evaluation.For(indicator))
            {
                cells.AddRange([Num(status.Realisation), Num(status.Capaian), StatusCode(status.Tag)]);
            }
            cells.AddRange([node.Code, node.Label, indicator.Code, indicator.Polarity.ToString(), indicator.Aggregation.ToString(), indicator.Remark]);
            sb.AppendJoin(',', cells.Select(Escape)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A stable machine-readable status: the band or the state, snake case.</summary>
    public static string StatusCode(StatusTag tag) => (tag.Kind, tag.Band) switch
    {
        (StatusKind.Evaluated, { } b) => Snake(b.ToString()),
        (StatusKind.InProgress, { } b) => "in_progress_" + Snake(b.ToString()),
        _ => Snake(tag.Kind.ToString()),
    };

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string? Num(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        value = Infrastructure.SpreadsheetSafety.Csv(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}

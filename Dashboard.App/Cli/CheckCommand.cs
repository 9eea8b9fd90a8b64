using Dashboard.App.Data;
using Dashboard.Domain.Checks;

namespace Dashboard.App.Cli;

public static class CheckCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, ParsedArgs args, TextWriter stdout, TextWriter stderr)
    {
        var year = args.RequireYear();
        var snapshot = await services.GetRequiredService<PlanRepository>().LoadAsync(year)
            ?? throw new CliUsageException($"tidak ada rencana untuk tahun {year}.");
        var findings = services.GetRequiredService<PlanChecker>().Check(snapshot.Plan);
        foreach (var f in findings)
        {
            await stdout.WriteLineAsync(string.Join('\t', f.RuleCode, f.Severity, f.NodeCode, f.IndicatorCode ?? "-", f.Message));
        }
        await stderr.WriteLineAsync($"{findings.Count} temuan pada rencana {year}.");
        return 0;
    }
}

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
        // A planner reads names, not T2.S1.P1.K5.SK1.I1: each code is followed by its name.
        var plan = snapshot.Plan;
        foreach (var f in findings)
        {
            var node = plan.FindNode(f.NodeCode);
            var indicator = f.IndicatorCode is { } code ? plan.FindIndicator(code) : null;
            await stdout.WriteLineAsync(string.Join('\t', f.RuleCode, f.Severity,
                f.NodeCode, node is null ? "-" : $"{node.Label} {node.Title}",
                f.IndicatorCode ?? "-", indicator?.Name ?? "-", f.Message));
        }
        await stderr.WriteLineAsync($"{findings.Count} temuan pada rencana {year}.");
        return 0;
    }
}

// Benchmarks of Renaksi Live against the bare stack on the same machine. One command per verb:
//   dotnet run --project Dashboard.Bench -c Release -- <verb> [--sizes 100,1000] [--tiny] [--out bench/results] [--writes N] [--duration S]
//   writes on PostgreSQL with several instances: -- writes --provider postgres --instances 2 [--postgres "Host=…;Username=…"] [--redis 127.0.0.1:6379]
// verbs: fanout, circuits, bigplan, writes, all (every verb at its default sizes), save-to-screen, screenshots.
// Each verb writes bench/results/<verb>.json and <verb>.md (machine, load average, tables, notes).
using System.Globalization;

namespace Dashboard.Bench;

public static class BenchMain
{
    public static readonly string[] Verbs = ["fanout", "circuits", "bigplan", "writes"];

    public static async Task<int> Main(string[] args)
    {
        var verb = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "help";
        switch (verb)
        {
            case "screenshots":
                return await Screenshots.RunAsync(SaveToScreenBench.FindRepoFile("docs/screenshots"));
            case "save-to-screen":
                return await SaveToScreenBench.RunAsync();
            case "all" or "fanout" or "circuits" or "bigplan" or "writes":
                var options = new BenchOptions
                {
                    Tiny = args.Contains("--tiny"),
                    Sizes = Arg(args, "--sizes")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture)).ToList(),
                    OutDir = Arg(args, "--out") ?? SaveToScreenBench.FindRepoFile("bench/results"),
                    Writes = Arg(args, "--writes") is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : null,
                    DurationSeconds = Arg(args, "--duration") is { } d ? double.Parse(d, CultureInfo.InvariantCulture) : null,
                    Provider = Arg(args, "--provider") ?? "Sqlite",
                    Instances = Arg(args, "--instances") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1,
                    Postgres = Arg(args, "--postgres") ?? Environment.GetEnvironmentVariable("RENAKSI_TEST_POSTGRES"),
                    Redis = Arg(args, "--redis") ?? Environment.GetEnvironmentVariable("RENAKSI_TEST_REDIS"),
                };
                var reports = await RunAsync(verb, options);
                foreach (var report in reports)
                {
                    Console.WriteLine(report.ToMarkdown());
                    Console.WriteLine($"written to {report.JsonPath} and {report.MarkdownPath}");
                }
                return 0;
            default:
                Console.Error.WriteLine("usage: dotnet run --project Dashboard.Bench -c Release -- <fanout|circuits|bigplan|writes|all|save-to-screen|screenshots> [--sizes a,b] [--tiny] [--out dir] [--writes n] [--duration s] [--provider postgres --instances 2 --postgres CONN --redis HOST:PORT]");
                return verb == "help" ? 0 : 2;
        }
    }

    /// <summary>Runs one verb, or every verb for "all" (sizes then apply to none: each verb uses its defaults).</summary>
    public static async Task<IReadOnlyList<BenchReport>> RunAsync(string verb, BenchOptions options)
    {
        if (verb == "all")
        {
            var all = new List<BenchReport>();
            foreach (var v in Verbs) all.AddRange(await RunAsync(v, options with { Sizes = null }));
            return all;
        }
        return
        [
            verb switch
            {
                "fanout" => await FanoutBench.RunAsync(options),
                "circuits" => await CircuitsBench.RunAsync(options),
                "bigplan" => await BigPlanBench.RunAsync(options),
                "writes" => options.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
                    ? await WritesBench.RunAsync(options) : await ClusterWritesBench.RunAsync(options),
                _ => throw new ArgumentException($"Unknown verb {verb}", nameof(verb)),
            },
        ];
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

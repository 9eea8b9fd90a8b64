// circuits: K real, signed-in dashboard pages in headless Chromium; save → DOM in every page; server memory per circuit
// (slope of the working set and of the GC heap after a forced full GC against K). Baseline: a bare Blazor Server counter
// page of the same framework, same run, same method.
using System.Globalization;
using Microsoft.Playwright;

namespace Dashboard.Bench;

public static class CircuitsBench
{
    private const string Indicator = FanoutBench.Indicator;
    private const int PagesPerContext = 5;

    public static async Task<BenchReport> RunAsync(BenchOptions o)
    {
        var report = new BenchReport("circuits", "Open dashboards: save → DOM and server memory per circuit") { Tiny = o.Tiny };
        var progress = new Progress("circuits", o.Log);
        var levels = o.SizesOr([10, 25, 50], [2]).Order().ToList();
        var writes = o.Writes ?? (o.Tiny ? 2 : 10);
        var id = new CultureInfo("id-ID");

        await using var session = await BenchSession.StartAsync();
        await session.PrepareAsync(Indicator, "level");
        await using var chromium = await Chromium.LaunchAsync();

        // The floor first: a bare Blazor Server counter page; stopped (its circuits with it) before the app is measured.
        var blazorJs = await session.Http.GetByteArrayAsync("/_framework/blazor.web.js");
        var barePoints = new List<(double K, double Ws, double Gc)>();
        await using (var bare = await BareBlazorApp.StartNewAsync(blazorJs))
        {
            var context = await chromium.Browser.NewContextAsync();
            context.SetDefaultTimeout(30_000);
            var pages = new List<IPage>();
            async Task OpenCounterAsync()
            {
                var page = await context.NewPageAsync();
                pages.Add(page);
                await page.GotoAsync(bare.BaseUrl + "/");
                await page.Locator("[data-testid=count][data-interactive=true]").WaitForAsync();
                await page.Locator("[data-testid=increment]").ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=count]")).ToHaveTextAsync("1");
            }
            // One circuit first, so that one-time costs (JIT, caches) are not counted per circuit.
            await OpenCounterAsync();
            await Settle();
            var m0 = Server.MemoryAfterFullGc();
            barePoints.Add((pages.Count, m0.WorkingSet, m0.GcHeap));
            foreach (var k in levels)
            {
                var opened = await progress.StepAsync($"bare: open counter pages up to {k}", TimeSpan.FromSeconds(60 + 5 * k), async _ =>
                {
                    while (pages.Count < k) await OpenCounterAsync();
                });
                if (!opened.Ok) { report.Notes.Add($"bare counter pages at K={k}: {opened.Error}"); break; }
                await Settle();
                var m = Server.MemoryAfterFullGc();
                barePoints.Add((pages.Count, m.WorkingSet, m.GcHeap));
                progress.Say($"bare: {pages.Count} circuits, working set {m.WorkingSet / 1048576:0} MB, GC heap {m.GcHeap / 1048576:0} MB");
            }
            await context.CloseAsync();
        }

        // The app: K signed-in dashboards (TW IV focus), several per browser context, each watching one cell.
        var appPoints = new List<(double K, double Ws, double Gc)>();
        var contexts = new List<IBrowserContext>();
        var dashboards = new List<IPage>();
        var selector = Chromium.CellSelector(Indicator);
        var value = 50m;
        async Task OpenDashboardAsync()
        {
            IPage page;
            if (dashboards.Count % PagesPerContext == 0)
            {
                var (context, first) = await chromium.SignedInAsync(session.BaseUrl, "/?tw=4");
                contexts.Add(context);
                page = first;
            }
            else
            {
                page = await contexts[^1].NewPageAsync();
                await page.GotoAsync(session.BaseUrl + "/?tw=4");
                await Chromium.WaitInteractiveAsync(page);
            }
            await page.Locator(selector).WaitForAsync();
            await Chromium.WatchCellAsync(page, selector);
            dashboards.Add(page);
            if (dashboards.Count % 10 == 0) progress.Say($"app: {dashboards.Count} dashboards open");
        }

        var warm = await progress.StepAsync("app: first dashboard", TimeSpan.FromSeconds(90), _ => OpenDashboardAsync());
        if (!warm.Ok) report.Notes.Add("first dashboard: " + warm.Error);
        await Settle();
        var a0 = Server.MemoryAfterFullGc();
        appPoints.Add((dashboards.Count, a0.WorkingSet, a0.GcHeap));
        foreach (var k in warm.Ok ? levels : [])
        {
            var row = report.AddRow("Save → DOM across every open dashboard (ms)", new() { ["dashboards"] = k });
            var opened = await progress.StepAsync($"app: open dashboards up to {k}", TimeSpan.FromSeconds(60 + 10 * k), async _ =>
            {
                while (dashboards.Count < k) await OpenDashboardAsync();
            });
            if (!opened.Ok)
            {
                row["note"] = $"opening: {opened.Error} ({dashboards.Count} open)";
                break;
            }
            await Settle();
            var m = Server.MemoryAfterFullGc();
            appPoints.Add((dashboards.Count, m.WorkingSet, m.GcHeap));
            row["working set MB"] = Stats.Round(m.WorkingSet / 1048576);
            row["GC heap MB"] = Stats.Round(m.GcHeap / 1048576);

            var latencies = new List<double>();
            var missed = 0;
            var measured = await progress.StepAsync($"app: {writes} saves → {k} dashboards", TimeSpan.FromSeconds(30 + writes * 45), async ct =>
            {
                for (var w = 0; w < writes; w++)
                {
                    value += 0.25m;
                    var text = value.ToString("#,##0.##", id);
                    var started = Server.NowMs();
                    using (var response = await session.PostAsync(Indicator, "level", value, ct)) response.EnsureSuccessStatusCode();
                    var seen = await Task.WhenAll(dashboards.Select(async p =>
                    {
                        try { return await Chromium.SeenAsync(p, text, 30_000); }
                        catch (TimeoutException) { return -1L; }
                    }));
                    missed += seen.Count(s => s < 0);
                    latencies.AddRange(seen.Where(s => s >= 0).Select(s => (double)(s - started)));
                }
            });
            row["saves"] = writes;
            row["p50"] = Stats.Round(Stats.Median(latencies));
            row["p99"] = Stats.Round(Stats.Percentile(latencies, 99));
            row["max"] = Stats.Round(Stats.Max(latencies));
            row["missed"] = missed;
            if (!measured.Ok) row["note"] = measured.Error;
            progress.Say($"app: K={k} save → DOM p50 {row["p50"]} ms, p99 {row["p99"]} ms");
        }
        foreach (var context in contexts) await context.CloseAsync();

        var memory = "Server memory per circuit (slope after a forced full GC, KB per circuit)";
        var appWs = Stats.Slope(appPoints.Select(p => (p.K, p.Ws)).ToList()) / 1024;
        var appGc = Stats.Slope(appPoints.Select(p => (p.K, p.Gc)).ToList()) / 1024;
        var bareWs = Stats.Slope(barePoints.Select(p => (p.K, p.Ws)).ToList()) / 1024;
        var bareGc = Stats.Slope(barePoints.Select(p => (p.K, p.Gc)).ToList()) / 1024;
        report.AddRow(memory, new()
        {
            ["page"] = "dashboard (signed in, real plan)", ["circuits"] = string.Join("/", appPoints.Select(p => p.K)),
            ["working set KB"] = Stats.Round(appWs), ["GC heap KB"] = Stats.Round(appGc),
            ["ratio working set"] = Stats.Round(appWs / bareWs, 2), ["ratio GC heap"] = Stats.Round(appGc / bareGc, 2),
        });
        report.AddRow(memory, new()
        {
            ["page"] = "bare Blazor Server counter", ["circuits"] = string.Join("/", barePoints.Select(p => p.K)),
            ["working set KB"] = Stats.Round(bareWs), ["GC heap KB"] = Stats.Round(bareGc), ["ratio working set"] = 1.0, ["ratio GC heap"] = 1.0,
        });
        report.Notes.Add($"Save → DOM: from just before POST /api/v1/realisations (level value on {Indicator} TW IV) to the MutationObserver timestamp at which each page shows the value; {writes} saves per K; every (save, page) pair counts; missed = pages that did not show it within 30 s.");
        report.Notes.Add($"Dashboards: /?tw=4 signed in as a planner, {PagesPerContext} pages per browser context, one headless Chromium; app, Chromium driver and the bare app share the machine.");
        report.Notes.Add("Memory: the app and the bench client run in one process; after opening pages up to each K the process runs three forced, compacting full GCs, then reads its working set and GC heap size; the slope is the least-squares fit against the number of circuits, starting from one open page (so one-time costs such as JIT and caches are not counted per circuit). The bare counter app runs (and is stopped) first, in the same process, measured the same way.");
        await report.WriteAsync(o.OutDir);
        return report;
    }

    private static Task Settle() => Task.Delay(1500);
}

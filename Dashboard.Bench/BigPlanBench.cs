// bigplan: the real 63-indicator plan and synthetic plans of 1,000 and 10,000 indicators, each with a year of entries:
// time to first render of / (TTFB, DOMContentLoaded, interactive tree), time to expand a Program, one live update to an
// open page, and server CPU per write with P dashboards open.
using System.Globalization;
using Microsoft.Playwright;

namespace Dashboard.Bench;

public static class BigPlanBench
{
    private const string Indicator = FanoutBench.Indicator;
    private const string Program = "T1.S1.P1";
    private const int PagesPerContext = 5;

    // Set before any page script runs: when the layout says interactive and the tree has its rows.
    private const string InteractiveProbe = @"
        (() => {
            const check = () => {
                if (window.__interactiveAt === undefined && document.querySelector('[data-testid=app-interactive][data-interactive=true]')
                    && document.querySelector('[data-testid=row-node]')) window.__interactiveAt = performance.now();
            };
            new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
        })();";

    private const string ExpandScript = @"async code => {
        const row = () => document.querySelector(`tr[data-testid=row-node][data-code='${code}']`);
        const child = () => document.querySelector(`tr[data-code^='${code}.']`);
        const wait = (pred, ms) => new Promise((resolve, reject) => {
            if (pred()) return resolve();
            const obs = new MutationObserver(() => { if (pred()) { obs.disconnect(); resolve(); } });
            obs.observe(document.body, { subtree: true, childList: true, attributes: true });
            setTimeout(() => { obs.disconnect(); reject(new Error('expand timed out')); }, ms);
        });
        if (row().dataset.expanded === 'true') {
            row().querySelector('[data-testid=toggle]').click();
            await wait(() => row().dataset.expanded === 'false' && !child(), 60000);
        }
        const t0 = performance.now();
        row().querySelector('[data-testid=toggle]').click();
        await wait(() => row().dataset.expanded === 'true' && child(), 60000);
        return performance.now() - t0;
    }";

    public static async Task<BenchReport> RunAsync(BenchOptions o)
    {
        var report = new BenchReport("bigplan", "Big plans: first render, expand, live update, CPU per write") { Tiny = o.Tiny };
        var progress = new Progress("bigplan", o.Log);
        var sizes = o.SizesOr([1_000, 10_000], [50]);
        var repeats = o.Tiny ? 1 : 3;
        var pagesOpen = o.Tiny ? 2 : 10;
        var writes = o.Writes ?? (o.Tiny ? 2 : 5);
        await using var chromium = await Chromium.LaunchAsync();

        var plans = new List<(string Name, Func<Dashboard.Domain.Plans.Plan> Plan)> { ("real Renaksi 2025", Dashboard.App.Data.PlanSeeder.LoadBundledPlan) };
        plans.AddRange(sizes.Select(n => ($"synthetic {n}", (Func<Dashboard.Domain.Plans.Plan>)(() => SyntheticPlan.Generate(n)))));
        foreach (var (name, make) in plans)
        {
            var plan = make();
            var indicators = plan.AllIndicators().Count();
            var row = report.AddRow("Big plans (ms unless stated)", new() { ["plan"] = name, ["indicators"] = indicators });
            var path = BenchApp.NewDatabasePath();
            var entries = 0;
            var storing = System.Diagnostics.Stopwatch.StartNew();
            var seeded = await progress.StepAsync($"{name}: generate and store {indicators} indicators with a year of entries", TimeSpan.FromMinutes(15),
                async ct => entries = await SyntheticPlan.SeedAsync(path, plan, ct));
            row["entries"] = entries;
            row["stored in s"] = Stats.Round(storing.Elapsed.TotalSeconds);
            foreach (var column in new[] { "TTFB", "DOMContentLoaded", "interactive", "expand Program", "live update (1 page)" }) row[column] = null;
            if (!seeded.Ok)
            {
                row["note"] = "seeding: " + seeded.Error;
                BenchApp.DeleteDatabase(path);
                continue;
            }
            await using var session = await BenchSession.StartAsync(path);
            await MeasurePlanAsync(progress, chromium, session, name, row, repeats, pagesOpen, writes, o.Tiny);
        }

        report.Notes.Add($"Every plan is stored with PlanRepository.AddAsync (above {SyntheticPlan.RepositoryLimit:N0} indicators: the same records level by level, since AddAsync saves node by node) into a fresh SQLite file, with entries (2 per quarter in TW I–III, 1 in TW IV) and reviews bulk-inserted; the app runs in Production with the clock on 15 Nov 2025.");
        report.Notes.Add($"Synthetic trees: equal fan-out per level, one level indicator on every Sasaran and Program, five on every Sub Kegiatan. The dashboard opens with Tujuan, Sasaran and Program expanded.");
        report.Notes.Add($"First render (measured last, with the other pages still open): a signed-in navigation to /?tw=4, median of {repeats}; TTFB = responseStart − requestStart (server prerender); interactive = the layout reports the circuit interactive and tree rows exist (performance.now from navigation start).");
        report.Notes.Add($"Expand: click the toggle of Program {Program} (collapsed first) until its first child row exists, in the page (MutationObserver), median of {repeats}.");
        report.Notes.Add($"Live update: a level value on {Indicator} TW IV via POST, until the only open page shows it (median of {repeats}); then with {pagesOpen} pages open, {writes} writes: save → DOM across the pages and the process CPU time per write (app + bench client share the process; Chromium is separate).");
        await report.WriteAsync(o.OutDir);
        return report;
    }

    private static async Task MeasurePlanAsync(Progress progress, Chromium chromium, BenchSession session, string name, Dictionary<string, object?> row,
        int repeats, int pagesOpen, int writes, bool tiny)
    {
        var id = new CultureInfo("id-ID");
        var selector = Chromium.CellSelector(Indicator);
        var value = 50m;
        var contexts = new List<IBrowserContext>();
        var notes = new List<string>();
        var pageTimeout = tiny ? 60_000 : 180_000;
        try
        {
            var prepared = await progress.StepAsync($"{name}: prepare {Indicator}", TimeSpan.FromSeconds(120), ct => session.PrepareAsync(Indicator, "level", 50, ct));
            if (!prepared.Ok) notes.Add("prepare: " + prepared.Error);

            // Order matters: closed pages leave disconnected circuits behind (still subscribed until evicted), so the
            // measurements with one page come first, then with P pages, and the first-render navigations last.
            var pages = new List<IPage>();
            async Task OpenAsync()
            {
                IPage page;
                if (pages.Count % PagesPerContext == 0)
                {
                    var (context, first) = await chromium.SignedInAsync(session.BaseUrl, "/?tw=4", pageTimeout);
                    contexts.Add(context);
                    page = first;
                }
                else
                {
                    page = await contexts[^1].NewPageAsync();
                    await page.GotoAsync(session.BaseUrl + "/?tw=4", new() { Timeout = pageTimeout });
                    await Chromium.WaitInteractiveAsync(page, pageTimeout);
                }
                await page.Locator(selector).WaitForAsync(new() { Timeout = pageTimeout });
                await Chromium.WatchCellAsync(page, selector);
                pages.Add(page);
            }

            var one = await progress.StepAsync($"{name}: open one dashboard", TimeSpan.FromSeconds(60 + pageTimeout / 1000.0), _ => OpenAsync());
            if (!one.Ok)
            {
                notes.Add("opening a dashboard: " + one.Error);
                return;
            }

            var expand = new List<double>();
            var expanded = await progress.StepAsync($"{name}: expand {Program} ×{repeats}", TimeSpan.FromSeconds(30 + repeats * 130), async _ =>
            {
                for (var i = 0; i < repeats; i++) expand.Add(await pages[0].EvaluateAsync<double>(ExpandScript, Program));
            });
            row["expand Program"] = Stats.Round(Stats.Median(expand));
            if (!expanded.Ok) notes.Add("expand: " + expanded.Error);

            async Task<List<double>> SaveAsync(IReadOnlyList<IPage> targets, CancellationToken ct)
            {
                value += 0.25m;
                var text = value.ToString("#,##0.##", id);
                var started = Server.NowMs();
                using (var response = await session.PostAsync(Indicator, "level", value, ct)) response.EnsureSuccessStatusCode();
                var seen = await Task.WhenAll(targets.Select(async p =>
                {
                    try { return await Chromium.SeenAsync(p, text, 60_000); }
                    catch (TimeoutException) { return -1L; }
                }));
                if (seen.Any(s => s < 0)) notes.Add($"{seen.Count(s => s < 0)} page(s) did not show a save within 60 s");
                return seen.Where(s => s >= 0).Select(s => (double)(s - started)).ToList();
            }

            var single = new List<double>();
            var live = await progress.StepAsync($"{name}: live update to the one open page ×{repeats}", TimeSpan.FromSeconds(30 + repeats * 70), async ct =>
            {
                for (var i = 0; i < repeats; i++) single.AddRange(await SaveAsync([pages[0]], ct));
            });
            row["live update (1 page)"] = Stats.Round(Stats.Median(single));
            if (!live.Ok) notes.Add("live update: " + live.Error);

            var opened = await progress.StepAsync($"{name}: open {pagesOpen} dashboards", TimeSpan.FromSeconds(60 + pagesOpen * pageTimeout / 1000.0), async _ =>
            {
                while (pages.Count < pagesOpen) await OpenAsync();
            });
            if (!opened.Ok) notes.Add($"opening pages: {opened.Error} ({pages.Count} open)");

            var all = new List<double>();
            await Task.Delay(1000);
            var cpu0 = Server.CpuTime();
            var done = 0;
            var fan = await progress.StepAsync($"{name}: {writes} writes with {pages.Count} pages open", TimeSpan.FromSeconds(30 + writes * 70), async ct =>
            {
                for (var i = 0; i < writes; i++)
                {
                    all.AddRange(await SaveAsync(pages, ct));
                    done++;
                }
            });
            var cpu = (Server.CpuTime() - cpu0).TotalMilliseconds;
            row["pages open"] = pages.Count;
            row["save→DOM p50"] = Stats.Round(Stats.Median(all));
            row["save→DOM p99"] = Stats.Round(Stats.Percentile(all, 99));
            row["CPU ms per write"] = done > 0 ? Stats.Round(cpu / done) : null;
            if (!fan.Ok) notes.Add($"writes with pages open: {fan.Error} ({done} done)");

            // First render: fresh navigations in a context whose init script notes when the tree is interactive.
            var probe = contexts[0];
            await probe.AddInitScriptAsync(InteractiveProbe);
            var ttfb = new List<double>();
            var dcl = new List<double>();
            var interactive = new List<double>();
            var render = await progress.StepAsync($"{name}: first render ×{repeats}", TimeSpan.FromSeconds(60 + repeats * pageTimeout / 1000.0), async _ =>
            {
                for (var i = 0; i < repeats; i++)
                {
                    var page = await probe.NewPageAsync();
                    await page.GotoAsync(session.BaseUrl + "/?tw=4", new() { Timeout = pageTimeout });
                    await page.WaitForFunctionAsync("() => window.__interactiveAt !== undefined", null, new() { Timeout = pageTimeout, PollingInterval = 20 });
                    var t = await page.EvaluateAsync<double[]>(@"() => { const n = performance.getEntriesByType('navigation')[0];
                        return [n.responseStart - n.requestStart, n.domContentLoadedEventEnd - n.startTime, window.__interactiveAt]; }");
                    ttfb.Add(t[0]);
                    dcl.Add(t[1]);
                    interactive.Add(t[2]);
                    await page.CloseAsync();
                }
            });
            row["TTFB"] = Stats.Round(Stats.Median(ttfb));
            row["DOMContentLoaded"] = Stats.Round(Stats.Median(dcl));
            row["interactive"] = Stats.Round(Stats.Median(interactive));
            if (!render.Ok) notes.Add("first render: " + render.Error);
            progress.Say($"{name}: TTFB {row["TTFB"]}, interactive {row["interactive"]}, expand {row["expand Program"]}, live {row["live update (1 page)"]}, CPU/write {row["CPU ms per write"]} ms");
        }
        catch (Exception e)
        {
            notes.Add($"failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            progress.Say($"{name} FAILED: {e.Message}");
        }
        finally
        {
            foreach (var context in contexts)
            {
                try { await context.CloseAsync(); }
                catch (PlaywrightException) { }
            }
            if (notes.Count > 0) row["note"] = string.Join("; ", notes.Distinct());
        }
    }
}

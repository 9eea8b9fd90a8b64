using Dashboard.App.Data;
using Dashboard.App.Meetings;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Script and HTML typed into free-text fields (indicator and node names, note, narratives, meeting decision) show as
/// text on every page and never run. Its own app: the payloads rename parts of the plan other browser tests read.
/// </summary>
public sealed class HostileTextBrowserTests : IAsyncLifetime
{
    private const string Code = "T1.S1.I1";
    private const string ImgPayload = "<img src=x onerror=\"window.__xss='img'\">";
    private const string ScriptPayload = "<script>window.__xss='script'</script>";
    private const string SvgPayload = "<svg onload=\"window.__xss='svg'\"></svg>";
    private const string LinkPayload = "<a href=\"javascript:window.__xss='a'\" id=\"xss-link\">klik</a>";

    private readonly BrowserFixture _fx = new();

    public async Task InitializeAsync()
    {
        await _fx.InitializeAsync();
        var services = _fx.App.Services;
        await using (var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            var plan = await db.Plans.SingleAsync(p => p.Year == 2025);
            var indicator = await db.Indicators.SingleAsync(i => i.PlanId == plan.Id && i.Code == Code);
            indicator.Name = "Indikator " + ImgPayload;
            var node = await db.Nodes.SingleAsync(n => n.PlanId == plan.Id && n.Code == "T1");
            node.Title = "Tujuan " + ScriptPayload;
            await db.SaveChangesAsync();
        }
        var planner = ActingUser.Of("Rina Perencana", Roles.Planner);
        var realisations = services.GetRequiredService<RealisationService>();
        // The sample data may already hold a narrative version: continue from the current one.
        var version = (await realisations.HistoryAsync(2025, Code))?.NarrativeFor(3).Version ?? 0;
        var saved = await realisations.RecordAsync(new RecordRealisation(2025, Code, 3, EntryKind.Level, 30m,
            new DateOnly(2025, 9, 28), planner, Note: "Catatan " + SvgPayload, Confirmed: true,
            Narrative: new NarrativeInput("Pendorong " + ImgPayload, "Penghambat " + ScriptPayload, "Tindak lanjut " + LinkPayload, version)));
        Assert.Equal(SaveStatus.Saved, saved.Status);
        var decided = await services.GetRequiredService<DecisionService>().AddAsync(planner, 2025, Code, 3, "Keputusan " + SvgPayload, "Bidang " + ImgPayload,
            new DateOnly(2025, 12, 15));
        Assert.Equal(SaveStatus.Saved, decided.Status);
    }

    public async Task DisposeAsync() => await _fx.DisposeAsync();

    [Theory]
    [InlineData("/", "Tujuan " + ScriptPayload)]
    [InlineData("/input?indikator=" + Code + "&tw=3", "Catatan " + SvgPayload)]
    [InlineData("/laporan?tahun=2025&tw=3", "Penghambat " + ScriptPayload)]
    [InlineData("/rapat?tahun=2025&tw=3", null)]
    public async Task Payloads_ShowAsText_AndNoneRuns(string path, string? literal)
    {
        var page = await _fx.OpenAsync(path, user: "perencana");
        if (literal is not null) await Assertions.Expect(page.GetByText(literal).First).ToBeAttachedAsync();

        Assert.Null(await page.EvaluateAsync<string?>("() => window.__xss ?? null"));
        Assert.Equal(0, await page.Locator("img[src='x'], svg[onload], a#xss-link, script:not([src]):not([type=importmap])").CountAsync());
        await page.Context.CloseAsync();
    }
}

using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MeetingBrowserTests(BrowserFixture fixture)
{
    // Program 3 Penilaian Kesehatan KSP/USP: "Persentase koperasi yang sudah menerapkan standar SAK", level, TW IV target 65.
    private const string Indicator = "T1.S1.P3.I1";

    private async Task RecordAsync(decimal value, int expectedSequence)
    {
        var result = await fixture.App.Services.GetRequiredService<RealisationService>().RecordAsync(new RecordRealisation(
            2025, Indicator, 4, EntryKind.Level, value, new DateOnly(2025, 11, 14), ActingUser.Of("Rina Perencana", Roles.Planner),
            ExpectedSequence: expectedSequence));
        Assert.Equal(SaveStatus.Saved, result.Status);
    }

    private static async Task GoToSlideAsync(IPage page, string key)
    {
        var deck = page.GetByTestId("meeting");
        await deck.PressAsync("Home");
        for (var i = 0; i < 60; i++)
        {
            if (await page.GetByTestId("slide").GetAttributeAsync("data-slide") == key) return;
            var before = await page.GetByTestId("slide-counter").TextContentAsync();
            await deck.PressAsync("ArrowRight");
            await Assertions.Expect(page.GetByTestId("slide-counter")).Not.ToHaveTextAsync(before!);
        }
        Assert.Fail($"slide {key} not found");
    }

    [Fact]
    public async Task Keyboard_MovesThroughTheDeck_LikeAPresentationClicker()
    {
        var page = await fixture.OpenAsync("/rapat?tahun=2025&tw=4", user: "layar");
        var deck = page.GetByTestId("meeting");
        var counter = page.GetByTestId("slide-counter");
        await Assertions.Expect(counter).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1 / \d+$"));
        var total = (await counter.TextContentAsync())!.Split('/')[1].Trim();

        await deck.PressAsync("ArrowRight");
        await Assertions.Expect(counter).ToHaveTextAsync($"2 / {total}");
        await deck.PressAsync("PageDown");
        await Assertions.Expect(counter).ToHaveTextAsync($"3 / {total}");
        await deck.PressAsync("PageUp");
        await Assertions.Expect(counter).ToHaveTextAsync($"2 / {total}");
        await deck.PressAsync("End");
        await Assertions.Expect(counter).ToHaveTextAsync($"{total} / {total}");
        await deck.PressAsync("ArrowLeft");
        await deck.PressAsync("Home");
        await Assertions.Expect(counter).ToHaveTextAsync($"1 / {total}");
        await Assertions.Expect(page.GetByTestId("slide")).ToHaveAttributeAsync("data-slide", "cover");

        // Readable at five metres: body text at least 24 px on a 1920x1080 projector.
        var size = await deck.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(size >= 24, $"font size {size}px");
    }

    [Fact]
    public async Task Projector1920_EveryVisibleTextOnEverySlideType_IsAtLeast24px()
    {
        var page = await fixture.OpenAsync("/rapat?tahun=2025&tw=4", user: "layar");
        var deck = page.GetByTestId("meeting");
        var counter = page.GetByTestId("slide-counter");
        await Assertions.Expect(counter).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1 / \d+$"));
        var total = int.Parse((await counter.TextContentAsync())!.Split('/')[1].Trim());

        var seen = new HashSet<string>();
        var small = new List<string>();
        for (var i = 1; i <= total; i++)
        {
            if (i > 1)
            {
                await deck.PressAsync("ArrowRight");
                await Assertions.Expect(counter).ToHaveTextAsync($"{i} / {total}");
            }
            var type = (await page.GetByTestId("slide").GetAttributeAsync("class"))!.Split(' ').Single(c => c.StartsWith("slide-type-", StringComparison.Ordinal));
            if (!seen.Add(type)) continue;
            // Charts draw after the slide: wait for their labels when the slide has one.
            if (await page.Locator("[data-testid=slide] .apexcharts-canvas, [data-testid=slide] .chart-fallback").CountAsync() > 0)
                await page.Locator("[data-testid=slide] .apexcharts-canvas text").First.WaitForAsync();
            small.AddRange(await page.EvaluateAsync<string[]>(@"() => {
                const out = [];
                const walker = document.createTreeWalker(document.querySelector('[data-testid=slide]'), NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    if (!n.textContent.trim()) continue;
                    const e = n.parentElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
                    if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || e.closest('[hidden], .visually-hidden')) continue;
                    const size = parseFloat(s.fontSize);
                    if (size < 24) out.push(document.querySelector('[data-testid=slide]').className.split(' ').pop() + ': ' + size + 'px ' + e.tagName + '.' + (e.getAttribute('class') || '') + ' ""' + n.textContent.trim().slice(0, 30) + '""');
                }
                return out.slice(0, 8);
            }"));
        }
        Assert.True(seen.Count >= 4, $"only slide types {string.Join(", ", seen)}");
        Assert.True(small.Count == 0, string.Join("\n", small));
    }

    [Fact]
    public async Task LiveSlide_UpdatesWhenARealisationIsRecorded_AndFrozenDataDoesNot()
    {
        var page = await fixture.OpenAsync("/rapat?tahun=2025&tw=4", user: "perencana");
        await GoToSlideAsync(page, "node-T1.S1.P3");
        var realisation = page.Locator($"[data-testid=slide-indicator][data-code='{Indicator}'] [data-testid=slide-realisation]");
        await Assertions.Expect(realisation).ToBeVisibleAsync();
        var history = (await fixture.App.Services.GetRequiredService<RealisationService>().HistoryAsync(2025, Indicator))!;

        await RecordAsync(64.5m, history.LatestSequence(4));
        await Assertions.Expect(realisation).ToHaveTextAsync("64,5", new() { Timeout = 5000 });
        await Assertions.Expect(page.GetByTestId("live-banner")).ToContainTextAsync("Rina Perencana mencatat");
        await Assertions.Expect(page.Locator($"[data-testid=slide-indicator][data-code='{Indicator}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("row-flash"));

        await page.Locator("[data-testid=freeze] input, input[data-testid=freeze]").CheckAsync();
        await Assertions.Expect(page.GetByTestId("frozen-banner")).ToContainTextAsync("Data dibekukan per");
        await RecordAsync(63m, history.LatestSequence(4) + 1);
        await page.WaitForTimeoutAsync(1500);
        await Assertions.Expect(realisation).ToHaveTextAsync("64,5");
        Assert.Equal("node-T1.S1.P3", await page.GetByTestId("slide").GetAttributeAsync("data-slide"));

        await page.Locator("[data-testid=freeze] input, input[data-testid=freeze]").UncheckAsync();
        await Assertions.Expect(realisation).ToHaveTextAsync("63");
    }
}

using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The Content Security Policy in a real browser: Blazor connects, MudBlazor renders, ApexCharts draws, nothing is blocked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task DashboardAndMeeting_RenderAndDrawCharts_WithNoCspViolation()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        // Recorded from the first byte of every page: the browser reports each blocked script, style, socket or frame here.
        await context.AddInitScriptAsync("""
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") console.Add(m.Text); };

        await fixture.SignInAsync(page, "kadis", "/");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var chart = page.Locator("[data-testid=capaian-card] [data-testid=apex-chart]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(chart.Locator(".apexcharts-series .apexcharts-bar-area")).ToHaveCountAsync(4);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));

        await page.GotoAsync($"{fixture.BaseUrl}/rapat?tahun=2025&tw=3");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var deck = page.GetByTestId("meeting");
        for (var i = 0; i < 6 && await page.GetByTestId("slide").GetAttributeAsync("data-slide") != "summary"; i++)
        {
            var before = await page.GetByTestId("slide-counter").TextContentAsync();
            await deck.PressAsync("ArrowRight");
            await Assertions.Expect(page.GetByTestId("slide-counter")).Not.ToHaveTextAsync(before!);
        }
        await Assertions.Expect(page.Locator("[data-testid=slide] [data-testid=apex-chart][data-state=ready] svg.apexcharts-svg").First).ToBeVisibleAsync();

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
        await context.CloseAsync();
    }
}

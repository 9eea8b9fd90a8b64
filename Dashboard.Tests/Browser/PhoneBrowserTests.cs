using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Officers and the head on a 360x740 phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneBrowserTests(BrowserFixture fixture)
{
    private async Task<IPage> NewPhonePageAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        return await context.NewPageAsync();
    }

    private async Task SignInWithoutReturnUrlAsync(IPage page, string user)
    {
        var password = Dashboard.App.Security.UserSetup.DemoAccounts.Single(a => a.UserName == user).Password;
        await page.GotoAsync($"{fixture.BaseUrl}/masuk");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 15_000 });
    }

    [Fact]
    public async Task Officer_SignsIn_LandsOnTugasSaya_WhichIsInTheAppBar()
    {
        var page = await NewPhonePageAsync();
        await SignInWithoutReturnUrlAsync(page, "petugas1");

        Assert.EndsWith("/tugas", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("tasks-summary")).ToBeVisibleAsync();
        // One tap from anywhere, not behind the "more" menu.
        await Assertions.Expect(page.GetByTestId("nav-tasks")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Officer_WithAReturnUrl_GoesThere_AndTheHeadStillLandsOnTheDashboard()
    {
        var officer = await fixture.OpenAsync("/rapat", 360, 740, user: "petugas1");
        Assert.EndsWith("/rapat", new Uri(officer.Url).AbsolutePath, StringComparison.Ordinal);

        var head = await NewPhonePageAsync();
        await SignInWithoutReturnUrlAsync(head, "kadis");
        Assert.Equal("/", new Uri(head.Url).AbsolutePath);
        await Assertions.Expect(head.GetByTestId("nav-tasks")).ToHaveCountAsync(0);
    }

    public static TheoryData<string, string?> MainPages => new()
    {
        { "/", "kadis" },
        { "/?tw=4", "petugas1" },
        { "/input?indikator=T1.S1.P1.I1&tw=4", "petugas1" },
        { "/tugas", "petugas1" },
        { "/kepatuhan", "kadis" },
        { "/rapat", "layar" },
        { "/masuk", null },
    };

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task Phone360_MainPage_HasNoSidewaysScroll(string path, string? user)
    {
        IPage page;
        if (user is null)
        {
            page = await NewPhonePageAsync();
            await page.GotoAsync(fixture.BaseUrl + path);
            await Assertions.Expect(page.Locator("#username")).ToBeVisibleAsync();
        }
        else
        {
            page = await fixture.OpenAsync(path, 360, 740, user: user);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // Intended scroll containers (the compliance grid) may scroll inside themselves; nothing else may stick out.
        var outside = await page.EvaluateAsync<string[]>(@"() => {
            const w = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
              .filter(e => !e.closest('.matrix-scroll'))
              .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right > w + 1 && getComputedStyle(e).visibility !== 'hidden'; })
              .filter(e => !e.closest('.mud-popover, [hidden]'))
              .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
        }");
        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(width[0] <= width[1], $"{path}: page is {width[0]}px wide on a {width[1]}px phone; sticks out: {string.Join(", ", outside)}");
        Assert.True(outside.Length == 0, $"{path}: sticks out: {string.Join(", ", outside)}");
    }

    [Fact]
    public async Task Phone360_PlanTree_RowsAreCards_WithNamesAtLeast120pxWide()
    {
        var page = await fixture.OpenAsync("/?tw=4", 360, 740);
        await page.GetByTestId("expand-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("row-indicator")).ToHaveCountAsync(63);

        var narrow = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('[data-testid=plan-tree] .node-title, [data-testid=plan-tree] .indicator-name')]
            .filter(e => e.getBoundingClientRect().width < 120)
            .slice(0, 5).map(e => Math.round(e.getBoundingClientRect().width) + 'px: ' + e.textContent.trim().slice(0, 40))");
        Assert.True(narrow.Length == 0, $"names narrower than 120px: {string.Join(" | ", narrow)}");

        // The focused quarter sits below the name, not in a squeezed column beside it.
        var below = await page.EvaluateAsync<bool>(@"() => {
            const row = document.querySelector('[data-testid=row-indicator][data-code=""T1.S1.P1.I1""]');
            const name = row.querySelector('.indicator-name').getBoundingClientRect();
            const cell = row.querySelector('td.q-focus [data-testid=quarter-cell]').getBoundingClientRect();
            return cell.top >= name.bottom;
        }");
        Assert.True(below, "the focused quarter is not below the indicator name");
        var overflow = await page.EvaluateAsync<int>("() => document.querySelector('.tree-scroll').scrollWidth - document.querySelector('.tree-scroll').clientWidth");
        Assert.True(overflow <= 0, $"the tree scrolls {overflow}px sideways");
    }

    [Fact]
    public async Task UnknownUrl_ShowsTheIndonesianNotFoundPage_AndThePageHasAFavicon()
    {
        var page = await NewPhonePageAsync();
        await fixture.SignInAsync(page, "petugas1", "/halaman-yang-tidak-ada");

        await Assertions.Expect(page.GetByText("Halaman tidak ditemukan")).ToBeVisibleAsync();
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(icon));
        var response = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), icon).ToString());
        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/svg+xml", response.Headers["content-type"], StringComparison.Ordinal);
    }
}

using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Dashboard.App.Audit;
using Dashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AuditBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task HeadOfAgency_SeesTheLog_AndFilteringBySignIn_ShowsOnlySignIns()
    {
        var page = await fixture.OpenAsync("/audit", user: "kadis");

        // This sign-in is audited (the demo accounts' creation too: checked at the end, by its filter, because every
        // browser test's sign-in before this one pushes the creation rows further down the newest-first pages).
        var actions = page.GetByTestId("audit-action");
        await Assertions.Expect(actions.First).ToBeVisibleAsync();
        // id-ID writes the time with dots: "15 Nov 2025 17.03.25".
        await Assertions.Expect(page.GetByTestId("audit-time").First).ToHaveTextAsync(new Regex(@"^\d{1,2} \w{3} \d{4} \d{2}\.\d{2}\.\d{2}$"));

        await page.GetByTestId("filter-action").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex("^Masuk$") }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains($"tindakan={AuditActions.SignIn}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"[data-testid=audit-action]:not([data-action='{AuditActions.SignIn}'])")).ToHaveCountAsync(0);
        await Assertions.Expect(actions.First).ToHaveAttributeAsync("data-action", AuditActions.SignIn);
        await Assertions.Expect(page.Locator("[data-testid=audit-actor]", new() { HasTextString = "kadis" }).First).ToBeVisibleAsync();

        await page.GotoAsync($"{fixture.BaseUrl}/audit?tindakan={AuditActions.UserCreated}");
        await Assertions.Expect(page.Locator($"[data-testid=audit-action][data-action='{AuditActions.UserCreated}']").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Export_DownloadsTheFilteredRows_AsXlsx()
    {
        var page = await fixture.OpenAsync($"/audit?tindakan={AuditActions.SignIn}", user: "perencana");
        await Assertions.Expect(page.GetByTestId("audit-action").First).ToHaveAttributeAsync("data-action", AuditActions.SignIn);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("audit-export").ClickAsync());

        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        using var book = new XLWorkbook(copy);
        var rows = book.Worksheet(AuditWorkbook.SheetName).RowsUsed().Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Masuk", r.Cell(3).GetString()));
        Assert.Contains(rows, r => r.Cell(2).GetString() == "perencana");
    }

    [Fact]
    public async Task FieldOfficer_IsRefusedTheLog()
    {
        var page = await fixture.OpenAsync("/audit", user: "petugas1");

        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("audit-table")).ToHaveCountAsync(0);
    }
}

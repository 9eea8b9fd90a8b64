using Bunit;
using Dashboard.App.Components.Pages.Meeting;
using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Meetings;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Status;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components.Meeting;

/// <summary>The meeting page against the real app's services (fresh database, clock 15 Nov 2025), driven by key presses.</summary>
public sealed class MeetingKeyboardTests : BunitTestContext
{
    private readonly AppFactory _app = new(today: "2025-11-15");

    public MeetingKeyboardTests()
    {
        foreach (var type in new[] { typeof(PlanReadModel), typeof(StatusEvaluator), typeof(RealisationService), typeof(DecisionService), typeof(AgencyClock), typeof(LiveUpdates), typeof(UserSessions) })
        {
            Services.AddSingleton(type, _app.Services.GetRequiredService(type));
        }
        AddAuthorization().SetAuthorized("layar").SetRoles(Dashboard.Domain.Access.Roles.Screen);
        Services.AddScoped<CurrentUser>();
        // Owned by the test's container, so the app and its database go when the test context is disposed.
        Services.AddSingleton(_ => _app);
        Services.GetRequiredService<AppFactory>();
    }

    private IRenderedComponent<MeetingPage> Open()
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/rapat?tahun=2025&tw=3");
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<MeetingPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=slide]")), TimeSpan.FromSeconds(10));
        return page;
    }

    private static string Counter(IRenderedComponent<MeetingPage> page) => page.Find("[data-testid=slide-counter]").TextContent;

    private static string SlideKey(IRenderedComponent<MeetingPage> page) => page.Find("[data-testid=slide]").GetAttribute("data-slide")!;

    /// <summary>A key press is queued behind whatever the page is still rendering (its loads await real I/O on
    /// PostgreSQL): wait for the render it causes, within the 2 s a presenter would notice.</summary>
    private static void Eventually(IRenderedComponent<MeetingPage> page, Action assertion) =>
        page.WaitForAssertion(assertion, TimeSpan.FromSeconds(2));

    private static void Press(IRenderedComponent<MeetingPage> page, string key) =>
        page.Find("[data-testid=meeting]").KeyDown(new KeyboardEventArgs { Key = key });

    [Fact]
    public void ArrowsPagesHomeAndEnd_MoveThroughTheDeck()
    {
        var page = Open();
        var total = int.Parse(Counter(page).Split('/')[1]);
        Eventually(page, () => Assert.Equal("cover", SlideKey(page)));

        Press(page, "ArrowRight");
        Eventually(page, () => Assert.Equal($"2 / {total}", Counter(page)));
        Eventually(page, () => Assert.Equal("summary", SlideKey(page)));
        Press(page, "PageDown");
        Eventually(page, () => Assert.Equal("node-T1", SlideKey(page)));
        Press(page, " ");
        Eventually(page, () => Assert.Equal("node-T1.S1", SlideKey(page)));
        Press(page, "PageUp");
        Press(page, "ArrowLeft");
        Eventually(page, () => Assert.Equal("summary", SlideKey(page)));
        Press(page, "End");
        Eventually(page, () => Assert.Equal($"{total} / {total}", Counter(page)));
        Press(page, "ArrowRight");
        Eventually(page, () => Assert.Equal($"{total} / {total}", Counter(page)));
        Press(page, "Home");
        Eventually(page, () => Assert.Equal("cover", SlideKey(page)));
        Press(page, "ArrowLeft");
        Eventually(page, () => Assert.Equal($"1 / {total}", Counter(page)));
    }

    [Fact]
    public void ClickingAnIndicator_OpensItsDetail_AndEscapeReturnsToTheSlide()
    {
        var page = Open();
        Press(page, "ArrowRight");
        Press(page, "ArrowRight");
        Assert.Equal("node-T1", SlideKey(page));

        page.Find("[data-testid=slide-indicator][data-code='T1.I2']").Click();
        Assert.Equal("indicator-T1.I2", SlideKey(page));
        Press(page, "Escape");

        Assert.Equal("node-T1", SlideKey(page));
    }

    [Fact]
    public void F_AsksTheBrowserForFullScreen()
    {
        var module = JSInterop.SetupModule("./Components/Pages/Meeting/MeetingPage.razor.js");
        module.Setup<bool>("toggleFullscreen", _ => true).SetResult(true);
        module.SetupVoid("focus", _ => true);
        var page = Open();

        Press(page, "f");

        page.WaitForAssertion(() => Assert.Single(module.Invocations, i => i.Identifier == "toggleFullscreen"));
    }
}

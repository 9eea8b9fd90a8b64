using Bunit;
using Dashboard.App.Components.Pages.Meeting;
using Dashboard.App.Data;
using Dashboard.App.Meetings;
using Dashboard.App.Realisations;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Reviews;
using Dashboard.Domain.Status;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Components.Meeting;

public sealed class SlideViewTests : BunitTestContext
{
    private static readonly DateOnly Today = new(2025, 11, 15);
    private readonly Plan _plan = SamplePlans.Small();
    private readonly PlanSnapshot _snapshot;
    private readonly PlanEvaluation _evaluation;
    private readonly IReadOnlyList<Slide> _deck;

    public SlideViewTests()
    {
        var entries = new[]
        {
            SamplePlans.Entry("T1.S1.P1.K1.SK1.I1", 3, 70m),  // 70 / 75 = 93,33 % Sangat Tinggi
            SamplePlans.Entry("T1.S1.P1.K1.I1", 3, 30m),      // 30 / 75 = 40 % Sangat Rendah
            SamplePlans.Entry("T1.I1", 3, 7.5m),              // 100 %
        };
        var reviews = new Dictionary<(string, int), ReviewView>
        {
            [("T1.I1", 3)] = new(ReviewState.Verified, 2, null, "Rina", DateTimeOffset.UnixEpoch),
            [("T1.S1.P1.K1.I1", 3)] = new(ReviewState.Submitted, 1, null, "Sri", DateTimeOffset.UnixEpoch),
        };
        _snapshot = PlanSnapshot.Create(_plan, entries, false, new DateTimeOffset(2025, 11, 15, 3, 30, 0, TimeSpan.Zero), reviews, SamplePlans.EvaluatorAt(2025, 11, 15));
        _evaluation = new PlanEvaluation(_plan, SamplePlans.EvaluatorAt(2025, 11, 15), entries);
        var narratives = new Dictionary<string, NarrativeView>
        {
            ["T1.S1.P1.K1.I1"] = new(1, null, "Anggaran pemeriksaan terlambat cair", "Pemeriksaan dipercepat di TW IV", "Sri", DateTimeOffset.UnixEpoch),
        };
        var decisions = new[] { new DecisionView(1, "T1.S1.P1.K1.I1", 2025, 2, "Tambah tim pemeriksa", "Kabid Koperasi", new DateOnly(2025, 10, 1), "Rina", DateTimeOffset.UnixEpoch) };
        _deck = MeetingDeck.Build(_snapshot, _evaluation, 3, Today, narratives, decisions);
    }

    private IRenderedComponent<SlideView> RenderSlide(string key) =>
        Render<SlideView>(p => p.Add(c => c.Slide, _deck.Single(s => s.Key == key)).Add(c => c.Quarter, 3));

    [Fact]
    public void Deck_HasCoverFollowUpSummaryNodesAttentionAndDetails_InThatOrder()
    {
        Assert.Equal(["cover", "follow-up", "summary", "node-T1", "node-T1.S1", "node-T1.S1.P1", "attention"], _deck.Take(7).Select(s => s.Key));
        Assert.All(_deck.Skip(7), s => Assert.IsType<IndicatorSlide>(s));
    }

    [Fact]
    public void Cover_ShowsAgencyYearQuarterAndDataTime()
    {
        var slide = RenderSlide("cover");

        Assert.Contains("Dinas Koperasi dan UKM Kabupaten Purbalingga", slide.Markup);
        Assert.Equal("TW III 2025", slide.Find("[data-testid=cover-quarter]").TextContent);
        Assert.Contains("15 November 2025 10.30 WIB", slide.Markup);
    }

    [Fact]
    public void Summary_ShowsBandsReportedVerifiedAndAverage()
    {
        var slide = RenderSlide("summary");

        int Count(Band band) => int.Parse(slide.Find($"[data-band={band}] [data-testid=band-count]").TextContent);
        Assert.Equal(2, Count(Band.SangatTinggi));
        Assert.Equal(1, Count(Band.SangatRendah));
        Assert.Equal("60,0%", slide.Find("[data-testid=figure-reported]").TextContent);
        Assert.Equal("33,3%", slide.Find("[data-testid=figure-verified]").TextContent);
        Assert.Equal("77,78%", slide.Find("[data-testid=figure-average]").TextContent);
    }

    [Fact]
    public void NodeSlide_ShowsItsIndicatorsWithFiguresAndStatus_AndItsChildrenRollup()
    {
        var slide = RenderSlide("node-T1.S1.P1");

        var row = slide.Find("[data-testid=slide-indicator]");
        Assert.Equal("T1.S1.P1.I1", row.GetAttribute("data-code"));
        Assert.Equal("Belum dilaporkan", row.QuerySelector("[data-testid=status-badge]")!.GetAttribute("data-status"));
        var children = slide.Find("[data-testid=slide-children]");
        Assert.Contains("Kegiatan 1", children.TextContent);
        Assert.Contains("66,67%", children.TextContent);
        Assert.Contains("Terburuk", slide.Find("[data-testid=slide-rollup]").TextContent);
    }

    [Fact]
    public void Attention_ListsRedAndUnreported_WorstFirst_WithObstacleAndFollowUp()
    {
        var slide = RenderSlide("attention");

        var items = slide.FindAll("[data-testid=attention-item]");
        Assert.Equal("T1.S1.P1.K1.I1", items[0].GetAttribute("data-code"));
        Assert.Contains("Anggaran pemeriksaan terlambat cair", items[0].TextContent);
        Assert.Contains("Pemeriksaan dipercepat di TW IV", items[0].TextContent);
        Assert.Contains(items, i => i.GetAttribute("data-code") == "T1.S1.I1");
        Assert.DoesNotContain(items, i => i.GetAttribute("data-code") == "T1.I1");
    }

    [Fact]
    public void IndicatorSlide_ShowsQuartersForecastNarrativeAndDecisions()
    {
        var slide = RenderSlide("indicator-T1.S1.P1.K1.I1");

        Assert.Equal(4, slide.FindAll("[data-testid=detail-quarters] tbody tr").Count);
        // 30 recorded by 15 Nov (day 319 of 365): 30 / (319 / 365) = 34,33.
        Assert.Contains("34,33", slide.Find("[data-testid=detail-forecast]").TextContent);
        Assert.Contains("Tambah tim pemeriksa", slide.Find("[data-testid=detail-decisions]").TextContent);
        Assert.Contains("Kabid Koperasi", slide.Find("[data-testid=detail-decisions]").TextContent);
    }

    [Fact]
    public void FollowUp_ListsThePreviousMeetingsDecisions()
    {
        var slide = RenderSlide("follow-up");

        var item = slide.Find("[data-testid=follow-up-item]");
        Assert.Contains("Jumlah koperasi aktif", item.TextContent);
        Assert.Contains("Tambah tim pemeriksa", item.TextContent);
        Assert.Contains("1 Okt 2025", item.TextContent);
    }

    [Fact]
    public void ClickingAnIndicatorRow_AsksToOpenItsDetail()
    {
        Indicator? opened = null;
        var slide = Render<SlideView>(p => p.Add(c => c.Slide, _deck.Single(s => s.Key == "node-T1"))
            .Add(c => c.Quarter, 3).Add(c => c.OpenIndicator, (Indicator i) => opened = i));

        slide.Find("[data-testid=slide-indicator]").Click();

        Assert.Equal("T1.I1", opened?.Code);
    }
}

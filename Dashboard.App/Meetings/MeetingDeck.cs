using Dashboard.App.Data;
using Dashboard.App.Realisations;
using Dashboard.Domain.Meetings;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Reviews;
using Dashboard.Domain.Status;

namespace Dashboard.App.Meetings;

/// <summary>One slide of the meeting deck.</summary>
public abstract record Slide(string Key, string Title);

public sealed record CoverSlide(string Agency, string PlanTitle, int Year, int Quarter, DateTimeOffset DataAt) : Slide("cover", "Sampul");

/// <summary>Indicators per band, share reported and verified, average capaian.</summary>
public sealed record SummarySlide(QuarterSummary Summary, int Verified, int Unverified) : Slide("summary", "Ringkasan")
{
    public decimal? VerifiedShare => Summary.Reported == 0 ? null : Math.Round(Verified * 100m / Summary.Reported, 1, MidpointRounding.AwayFromZero);
}

public sealed record IndicatorLine(Indicator Indicator, QuarterStatus Status, ReviewState Review);

public sealed record ChildLine(PlanNode Node, NodeRollup Rollup);

public sealed record NodeSlide(PlanNode Node, NodeRollup Rollup, IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<ChildLine> Children)
    : Slide("node-" + Node.Code, $"{Node.Label} {Node.Title}");

public sealed record AttentionItem(Indicator Indicator, QuarterStatus Status, string? Obstacles, string? FollowUp, string Reason);

/// <summary>Perlu perhatian: red, not reported and >200 % indicators with their faktor penghambat and tindak lanjut.</summary>
public sealed record AttentionSlide(IReadOnlyList<AttentionItem> Items) : Slide("attention", "Perlu perhatian");

/// <summary>One indicator: cumulative target vs realisation per quarter, the year-end forecast, narratives and decisions.</summary>
public sealed record IndicatorSlide(Indicator Indicator, IReadOnlyList<QuarterStatus> Quarters, int Quarter, decimal? Forecast, NarrativeView Narrative,
    IReadOnlyList<DecisionView> Decisions) : Slide("indicator-" + Indicator.Code, Indicator.Name);

/// <summary>Decisions of the previous quarter's meeting, to follow up.</summary>
public sealed record FollowUpSlide(int PreviousQuarter, IReadOnlyList<(DecisionView Decision, Indicator? Indicator)> Decisions) : Slide("follow-up", "Tindak lanjut rapat sebelumnya");

/// <summary>Builds the slides of a quarterly evaluation meeting from one snapshot of the plan.</summary>
public static class MeetingDeck
{
    public static IReadOnlyList<Slide> Build(PlanSnapshot snapshot, PlanEvaluation evaluation, int quarter, DateOnly today,
        IReadOnlyDictionary<string, NarrativeView> narratives, IReadOnlyList<DecisionView> decisions)
    {
        var plan = snapshot.Plan;
        var slides = new List<Slide> { new CoverSlide(plan.Agency, plan.Title, plan.Year, quarter, snapshot.LoadedAt) };

        var previous = decisions.Where(d => d.Quarter == quarter - 1).ToList();
        if (previous.Count > 0) slides.Add(new FollowUpSlide(quarter - 1, previous.Select(d => (d, plan.FindIndicator(d.IndicatorCode))).ToList()));

        var reviews = snapshot.Reviews.Where(r => r.Key.Quarter == quarter).ToList();
        slides.Add(new SummarySlide(evaluation.Summary(quarter),
            reviews.Count(r => r.Value.State == ReviewState.Verified), reviews.Count(r => r.Value.State == ReviewState.Submitted)));

        foreach (var node in plan.AllNodes().Where(n => n.Level <= NodeLevel.Program))
        {
            slides.Add(new NodeSlide(node, evaluation.For(node, quarter),
                node.Indicators.Select(i => Line(snapshot, evaluation, i, quarter)).ToList(),
                node.Children.Select(c => new ChildLine(c, evaluation.For(c, quarter))).ToList()));
        }

        var attention = Attention(evaluation, quarter, narratives);
        slides.Add(new AttentionSlide(attention));
        foreach (var item in attention) slides.Add(Detail(evaluation, item.Indicator, quarter, today, narratives, decisions));
        return slides;
    }

    public static IndicatorSlide Detail(PlanEvaluation evaluation, Indicator indicator, int quarter, DateOnly today,
        IReadOnlyDictionary<string, NarrativeView> narratives, IReadOnlyList<DecisionView> decisions)
    {
        var statuses = evaluation.For(indicator);
        return new IndicatorSlide(indicator, statuses, quarter, Forecast.YearEnd(indicator, statuses, evaluation.Plan.Year, today),
            narratives.GetValueOrDefault(indicator.Code, NarrativeView.Empty),
            decisions.Where(d => d.IndicatorCode == indicator.Code).ToList());
    }

    private static IndicatorLine Line(PlanSnapshot snapshot, PlanEvaluation evaluation, Indicator indicator, int quarter) =>
        new(indicator, evaluation.For(indicator, quarter), snapshot.ReviewOf(indicator.Code, quarter).State);

    /// <summary>Worst first: Sangat Rendah, not reported, then the >200 % warnings.</summary>
    public static IReadOnlyList<AttentionItem> Attention(PlanEvaluation evaluation, int quarter, IReadOnlyDictionary<string, NarrativeView> narratives) =>
        evaluation.Plan.AllIndicators()
            .Select(i => (Indicator: i, Status: evaluation.For(i, quarter)))
            .Where(x => x.Status.Light == TrafficLight.Red || x.Status.Kind == StatusKind.NotReported || x.Status.Warning)
            .OrderByDescending(x => x.Status.Tag.Severity).ThenBy(x => x.Status.Capaian ?? 0)
            .Select(x =>
            {
                var narrative = narratives.GetValueOrDefault(x.Indicator.Code, NarrativeView.Empty);
                var reason = x.Status.Warning ? "capaian di atas 200%, periksa data" : x.Status.Tag.Label;
                return new AttentionItem(x.Indicator, x.Status, narrative.Obstacles, narrative.FollowUp, reason);
            })
            .ToList();
}

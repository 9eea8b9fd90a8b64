using Dashboard.Domain.Plans;
using Dashboard.Domain.Status;

namespace Dashboard.App.Api;

public sealed record PlanDto(int Year, string Agency, string Title, DateTimeOffset EvaluatedAt, bool HasSampleData, IReadOnlyList<NodeDto> Nodes);

public sealed record NodeDto(string Code, string Level, string Label, string Title, IReadOnlyList<RollupDto> Quarters,
    IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<NodeDto> Children);

public sealed record RollupDto(int Quarter, decimal? AverageCapaian, string? AverageBand, StatusDto Worst);

public sealed record IndicatorDto(string Code, string Name, string Unit, string Polarity, string Aggregation, decimal TargetAnnual,
    IReadOnlyList<decimal?> QuarterTargets, string? Remark, IReadOnlyList<QuarterDto> Quarters);

public sealed record QuarterDto(int Quarter, decimal Target, decimal ComparedTarget, decimal? Realisation, decimal? Capaian,
    decimal? AnnualProgress, bool Reported, bool Warning, StatusDto Status, string Formula);

/// <summary>Kind (Evaluated, NotDue, NoTarget, Exceeded, InProgress, NotReported), band, light and the Indonesian label.</summary>
public sealed record StatusDto(string Kind, string? Band, string Light, string Label)
{
    public static StatusDto From(StatusTag tag) => new(tag.Kind.ToString(), tag.Band?.ToString(), tag.Light.ToString(), tag.Label);
}

public static class PlanDtoMapper
{
    public static PlanDto Map(PlanEvaluation evaluation, DateTimeOffset at, bool sample) =>
        new(evaluation.Plan.Year, evaluation.Plan.Agency, evaluation.Plan.Title, at, sample,
            evaluation.Plan.Roots.Select(n => Map(evaluation, n)).ToList());

    private static NodeDto Map(PlanEvaluation e, PlanNode node) => new(
        node.Code, node.Level.ToString(), node.Label, node.Title,
        Quarters.All.Select(q => e.For(node, q)).Select(r => new RollupDto(r.Quarter, r.AverageCapaian, r.AverageBand?.ToString(), StatusDto.From(r.Worst))).ToList(),
        node.Indicators.Select(i => new IndicatorDto(i.Code, i.Name, i.Unit, i.Polarity.ToString(), i.Aggregation.ToString(), i.AnnualTarget,
            i.QuarterTargets, i.Remark,
            e.For(i).Select(s => new QuarterDto(s.Quarter, s.Target, s.ComparedTarget, s.Realisation, s.Capaian, s.AnnualProgress, s.Reported,
                s.Warning, StatusDto.From(s.Tag), s.Formula)).ToList())).ToList(),
        node.Children.Select(c => Map(e, c)).ToList());
}

namespace Dashboard.Domain.Plans;

/// <summary>A copy of a plan with one indicator replaced, so the plan checks can run on values not saved yet.</summary>
public static class PlanPreview
{
    public static Plan WithIndicator(Plan plan, Indicator replacement)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(replacement);

        PlanNode Copy(PlanNode source)
        {
            var node = new PlanNode(source.Code, source.Level, source.Title, source.Label);
            foreach (var i in source.Indicators)
            {
                node.AddIndicator(i.Code == replacement.Code
                    ? new Indicator(i.Code, replacement.Name, replacement.Unit, replacement.AnnualTarget, replacement.QuarterTargets,
                        replacement.Polarity, replacement.Aggregation, replacement.Remark)
                    : new Indicator(i.Code, i.Name, i.Unit, i.AnnualTarget, i.QuarterTargets, i.Polarity, i.Aggregation, i.Remark));
            }
            foreach (var child in source.Children) node.AddChild(Copy(child));
            return node;
        }

        return new Plan(plan.Year, plan.Agency, plan.Title, plan.Roots.Select(Copy))
        {
            SignedPlace = plan.SignedPlace, SignedDate = plan.SignedDate, SignerTitle = plan.SignerTitle,
        };
    }
}

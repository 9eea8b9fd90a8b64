using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Realisations;

/// <summary>What a form may offer for one kind of entry: whether negative values are allowed and a reason is required.</summary>
public sealed record EntryKindRule(string Kind, string Label, bool NegativeAllowed, bool ReasonRequired);

/// <summary>
/// The rules of <see cref="RealisationRules"/> for one indicator as data, for a form that validates without the server
/// (the offline entry page): which kinds it takes, negative only as a correction, percentages and counts, the bound.
/// The server still checks everything again when the entry arrives.
/// </summary>
public sealed record EntryRuleData(IReadOnlyList<EntryKindRule> Kinds, bool Percentage, bool Count, decimal MaxValue, string BoundMessage)
{
    public static EntryRuleData For(Indicator indicator)
    {
        var level = indicator.Aggregation == Aggregation.Level;
        var percentage = Units.IsPercentage(indicator.Unit);
        var kinds = level
            ? new[] { new EntryKindRule("level", "Nilai per tanggal", !percentage, false), new EntryKindRule("correction", "Koreksi", !percentage, true) }
            : [new EntryKindRule("increment", "Tambahan", false, false), new EntryKindRule("correction", "Koreksi (boleh negatif)", true, true)];
        var max = ValueBounds.MaxFor(indicator.Unit);
        return new EntryRuleData(kinds, percentage, Units.IsCount(indicator.Unit), max, ValueBounds.Check(max + 1, indicator.Unit)!);
    }
}

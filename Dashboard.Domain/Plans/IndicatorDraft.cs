using Dashboard.Domain.Numbers;

namespace Dashboard.Domain.Plans;

/// <summary>
/// An indicator as typed in the plan editor: targets are text, read strictly as id-ID numbers (1.234,5).
/// <see cref="Check"/> is the one place its rules live; the form runs it while typing, the service again on save.
/// </summary>
public sealed record IndicatorDraft(
    string? Name,
    string? Unit,
    string? AnnualTarget,
    IReadOnlyList<string?> QuarterTargets,
    Polarity Polarity = Polarity.Positive,
    Aggregation Aggregation = Aggregation.Cumulative,
    string? Remark = null)
{
    public const int MaxName = 1000;
    public const int MaxUnit = 50;
    public const int MaxRemark = 1000;

    public const string NameRequired = "Nama indikator wajib diisi.";
    public const string UnitRequired = "Satuan wajib diisi.";
    public const string NegativeTarget = "Target tidak boleh negatif.";

    /// <summary>An empty draft for a new indicator: targets 0.</summary>
    public static IndicatorDraft Empty { get; } = new("", "", "0", ["0", "0", "0", "0"]);

    /// <summary>The indicator's values as the form shows them (numbers in id-ID, exactly).</summary>
    public static IndicatorDraft From(Indicator indicator) => new(indicator.Name, indicator.Unit, IdNumber.Format(indicator.AnnualTarget),
        indicator.QuarterTargets.Select(t => t is { } v ? IdNumber.Format(v) : "").ToArray(), indicator.Polarity, indicator.Aggregation, indicator.Remark);

    public IndicatorDraftCheck Check()
    {
        var errors = new List<FieldError>();
        var notices = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Name?.Trim() ?? "";
        var unit = Unit?.Trim() ?? "";
        var remark = string.IsNullOrWhiteSpace(Remark) ? null : Remark.Trim();

        if (name.Length == 0) errors.Add(new(PlanFields.Name, NameRequired));
        else if (name.Length > MaxName) errors.Add(new(PlanFields.Name, $"Nama indikator paling banyak {MaxName} karakter."));
        if (unit.Length == 0) errors.Add(new(PlanFields.Unit, UnitRequired));
        else if (unit.Length > MaxUnit) errors.Add(new(PlanFields.Unit, $"Satuan paling banyak {MaxUnit} karakter."));
        if (remark?.Length > MaxRemark) errors.Add(new(PlanFields.Remark, $"Keterangan paling banyak {MaxRemark} karakter."));
        if (!Enum.IsDefined(Polarity)) errors.Add(new(PlanFields.General, "Polaritas tidak dikenal."));
        if (!Enum.IsDefined(Aggregation)) errors.Add(new(PlanFields.Aggregation, "Agregasi tidak dikenal."));

        var annual = Target(PlanFields.AnnualTarget, AnnualTarget, unit, errors, notices);
        // A blank quarter is "no quarterly target" (annual targets only), not 0; the annual target stays required.
        var quarters = new decimal?[4];
        for (var q = 1; q <= 4; q++)
        {
            var text = q <= QuarterTargets.Count ? QuarterTargets[q - 1] : null;
            quarters[q - 1] = string.IsNullOrWhiteSpace(text) ? null : Target(PlanFields.Quarter(q), text, unit, errors, notices);
        }
        return new IndicatorDraftCheck(errors, notices, name, unit, annual, quarters, Polarity, Aggregation, remark);
    }

    private static decimal Target(string field, string? text, string unit, List<FieldError> errors, Dictionary<string, string> notices)
    {
        var parsed = IdNumber.Parse(text);
        if (!parsed.Ok)
        {
            errors.Add(new(field, parsed.Error!));
            return 0m;
        }
        if (parsed.Value < 0)
        {
            errors.Add(new(field, NegativeTarget));
            return 0m;
        }
        if (ValueBounds.Check(parsed.Value, unit) is { } bound)
        {
            errors.Add(new(field, bound));
            return 0m;
        }
        if (parsed.Notice is { } notice) notices[field] = notice;
        return parsed.Value;
    }
}

/// <summary>The outcome of <see cref="IndicatorDraft.Check"/>: the errors per field, and the values read when there are none.</summary>
/// <param name="Notices">Hints for accepted but ambiguous-looking numbers (1.234 read as one thousand ...), per field.</param>
public sealed record IndicatorDraftCheck(
    IReadOnlyList<FieldError> Errors,
    IReadOnlyDictionary<string, string> Notices,
    string Name,
    string Unit,
    decimal AnnualTarget,
    IReadOnlyList<decimal?> QuarterTargets,
    Polarity Polarity,
    Aggregation Aggregation,
    string? Remark)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>The messages for one field, or null when it has none.</summary>
    public string? For(string field)
    {
        var messages = Errors.Where(e => e.Field == field).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public Indicator ToIndicator(string code) => Ok
        ? new Indicator(code, Name, Unit, AnnualTarget, QuarterTargets, Polarity, Aggregation, Remark)
        : throw new InvalidOperationException("Draf indikator belum valid.");
}

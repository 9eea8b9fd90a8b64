using Dashboard.Domain.Plans;

namespace Dashboard.Domain.Numbers;

/// <summary>
/// The one bound every number passes before it is stored (realisation from the page, the API and the hub; targets from
/// the editor, the .xlsx/.csv import and the plan JSON), and the bound evaluation trusts when it reads stored data.
/// Within it no sum, capaian or average can overflow a <see cref="decimal"/>.
/// </summary>
public static class ValueBounds
{
    /// <summary>Largest magnitude of any stored figure (the same limit typed numbers have).</summary>
    public static readonly decimal Max = IdNumber.Limit;

    /// <summary>Largest percentage: a capaian above 200 % is already a warning; ten times 100 % is a typing error.</summary>
    public const decimal MaxPercentage = 1000m;

    public const int MaxDecimals = IdNumber.MaxDecimals;

    /// <summary>The largest magnitude allowed for a figure in <paramref name="unit"/>.</summary>
    public static decimal MaxFor(string? unit) => unit is not null && Units.IsPercentage(unit) ? MaxPercentage : Max;

    /// <summary>Why <paramref name="value"/> may not be stored for <paramref name="unit"/>; null when it may. Only the magnitude
    /// matters here: a plan file may hold exact targets with many decimals.</summary>
    public static string? Check(decimal value, string? unit)
    {
        var max = MaxFor(unit);
        if (Math.Abs(value) > max)
        {
            return unit is not null && Units.IsPercentage(unit)
                ? $"Nilai di luar batas: persentase paling banyak {IdNumber.Format(max)}."
                : $"Nilai di luar batas (paling banyak {IdNumber.Format(max)}).";
        }
        return null;
    }

    /// <summary>Why a recorded realisation may not be stored: beyond the bound, or more decimals than can be typed.</summary>
    public static string? CheckRecorded(decimal value, string? unit) =>
        Check(value, unit) ?? (Math.Round(value, MaxDecimals) != value ? IdNumber.TooManyDecimals : null);

    /// <summary>A stored figure evaluation can work with; anything else (a row written before the bound existed, or
    /// straight into the database) is shown as a flagged cell instead of being computed.</summary>
    public static bool IsEvaluable(decimal value) => Math.Abs(value) <= Max;
}

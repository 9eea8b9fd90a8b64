using System.Globalization;

namespace Dashboard.App.Components.Shared.Charts;

/// <summary>The ApexCharts chart types the wrapper supports.</summary>
public enum ApexChartType
{
    Line,
    Bar,
    Area,
    Donut,
    Pie,
}

/// <summary>One series: a name and one value per category (null leaves a gap). Donut and pie charts use the first series only.</summary>
public sealed record ApexChartSeries(string Name, IReadOnlyList<decimal?> Values)
{
    /// <summary>For mixed charts: draw this series as another type (e.g. a line over bars).</summary>
    public ApexChartType? Type { get; init; }
}

/// <summary>How values are written on the axis, in tooltips, data labels and the hidden table: the current culture's
/// separators (id-ID: 1.234,5), at most <paramref name="Decimals"/> decimals, then <paramref name="Suffix"/>.</summary>
public sealed record ApexNumberFormat(int Decimals = 0, string Suffix = "")
{
    public static ApexNumberFormat Number { get; } = new(2);

    /// <summary>Percent with at most one decimal: 87,5%.</summary>
    public static ApexNumberFormat Percent { get; } = new(1, "%");

    public string Format(decimal? value, CultureInfo? culture = null) =>
        value is { } v
            ? v.ToString(Decimals > 0 ? "#,##0." + new string('#', Decimals) : "#,##0", culture ?? CultureInfo.CurrentCulture) + Suffix
            : "–";
}

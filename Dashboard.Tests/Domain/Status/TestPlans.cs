using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;

namespace Dashboard.Tests.Domain.Status;

/// <summary>Small builders for indicators and realisation entries of the 2025 plan year.</summary>
internal static class TestPlans
{
    public const int Year = 2025;

    /// <summary>A count indicator (Orang: cumulative aggregation).</summary>
    public static Indicator Count(string code, decimal annual, decimal q1, decimal q2, decimal q3, decimal q4, Polarity polarity = Polarity.Positive, string unit = "Orang") =>
        new(code, "Indikator " + code, unit, annual, [q1, q2, q3, q4], polarity);

    /// <summary>A percentage indicator (Persentase: level aggregation).</summary>
    public static Indicator Percent(string code, decimal annual, decimal q1, decimal q2, decimal q3, decimal q4, Polarity polarity = Polarity.Positive) =>
        new(code, "Indikator " + code, "Persentase", annual, [q1, q2, q3, q4], polarity);

    /// <summary>An entry recorded at noon (Jakarta) of its own date unless told otherwise.</summary>
    public static RealisationEntry Entry(string code, int quarter, DateOnly date, decimal value, DateTimeOffset? recordedAt = null, long id = 0, long? correctsId = null) =>
        new(code, quarter, date, value, recordedAt ?? new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7)), "petugas", null, null, id, correctsId);

    public static DateOnly D(int month, int day) => new(Year, month, day);
}

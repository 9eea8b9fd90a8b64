namespace Dashboard.Domain.Plans;

/// <summary>Triwulan: TW I = Jan-Mar, TW II = Apr-Jun, TW III = Jul-Sep, TW IV = Oct-Dec.</summary>
public static class Quarters
{
    public static readonly IReadOnlyList<int> All = [1, 2, 3, 4];

    public static int Check(int quarter) =>
        quarter is >= 1 and <= 4 ? quarter : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "Triwulan harus 1 sampai 4.");

    public static DateOnly Start(int year, int quarter) => new(year, (Check(quarter) - 1) * 3 + 1, 1);

    public static DateOnly End(int year, int quarter) => Start(year, quarter).AddMonths(3).AddDays(-1);

    public static int Of(DateOnly date) => (date.Month - 1) / 3 + 1;

    /// <summary>"TW I" .. "TW IV".</summary>
    public static string Label(int quarter) => "TW " + Roman(quarter);

    public static string Roman(int quarter) => Check(quarter) switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}

using System.Globalization;

namespace Dashboard.App.Components.Shared;

/// <summary>Number formats of the current culture (id-ID: 1.234,5).</summary>
public static class Fmt
{
    public static string Number(decimal? value, CultureInfo? culture = null) =>
        value is { } v ? v.ToString("#,##0.##", culture ?? CultureInfo.CurrentCulture) : "–";

    public static string Percent(decimal? value, CultureInfo? culture = null) =>
        value is { } v ? v.ToString("#,##0.##", culture ?? CultureInfo.CurrentCulture) + "%" : "–";

    public static string Percent1(decimal? value, CultureInfo? culture = null) =>
        value is { } v ? v.ToString("#,##0.0", culture ?? CultureInfo.CurrentCulture) + "%" : "–";
}

namespace Dashboard.App.Data;

public static class Decimals
{
    /// <summary>SQLite keeps decimals as text such as "0.0"; drop the trailing zeros so 7.1 reads back as 7.1.</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>As <see cref="Trim(decimal)"/>; a blank quarter target stays null (blank is not 0).</summary>
    public static decimal? Trim(decimal? value) => value is { } v ? Trim(v) : null;
}

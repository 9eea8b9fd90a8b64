namespace Dashboard.Domain.Status;

/// <summary>"Today" in the agency's time zone (WIB for Purbalingga), from an injected <see cref="TimeProvider"/>.</summary>
public sealed class AgencyClock(TimeProvider time, TimeZoneInfo zone)
{
    public static TimeZoneInfo DefaultZone { get; } = FindZone("Asia/Jakarta");

    public AgencyClock(TimeProvider time) : this(time, DefaultZone) { }

    public TimeProvider Time { get; } = time;
    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone);

    /// <summary>A moment as the agency's wall clock shows it (WIB), for "dicatat 15 Nov 2025 10.30 WIB".</summary>
    public static DateTimeOffset ToAgencyTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, DefaultZone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");
        }
    }
}

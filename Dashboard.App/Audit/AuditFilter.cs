using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.App.Audit;

/// <summary>
/// What the audit log is narrowed to. Dates are calendar days in WIB, both ends included; text filters ignore case (ASCII).
/// The same query-string keys serve the page address and the export link.
/// </summary>
public sealed record AuditFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    string? Actor = null,
    string? Action = null,
    string? Entity = null,
    string? Text = null)
{
    public const string FromKey = "dari";
    public const string ToKey = "sampai";
    public const string ActorKey = "pengguna";
    public const string ActionKey = "tindakan";
    public const string EntityKey = "objek";
    public const string TextKey = "cari";
    public const string PageKey = "hal";

    private const string DateFormat = "yyyy-MM-dd";

    public static AuditFilter None { get; } = new();

    /// <summary>Reads the query-string values; blanks and unreadable dates mean "no filter".</summary>
    public static AuditFilter Parse(string? from, string? to, string? actor, string? action, string? entity, string? text) =>
        new(ParseDate(from), ParseDate(to), Clean(actor), Clean(action), Clean(entity), Clean(text));

    public static AuditFilter FromQuery(IQueryCollection query) =>
        Parse(query[FromKey], query[ToKey], query[ActorKey], query[ActionKey], query[EntityKey], query[TextKey]);

    /// <summary>The filter as query-string values; null removes a key (for NavigationManager.GetUriWithQueryParameters).</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        [FromKey] = From?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [ToKey] = To?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [ActorKey] = Clean(Actor),
        [ActionKey] = Clean(Action),
        [EntityKey] = Clean(Entity),
        [TextKey] = Clean(Text),
    };

    /// <summary>"?dari=2025-05-01&amp;tindakan=masuk.berhasil", or "" without filters.</summary>
    public string ToQueryString()
    {
        var values = ToQuery().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        return values.Count == 0 ? "" : QueryHelpers.AddQueryString("", values);
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

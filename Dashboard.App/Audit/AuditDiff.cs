using System.Globalization;
using System.Text.Json;

namespace Dashboard.App.Audit;

/// <summary>One property that differs between an audit row's before and after state; null = absent on that side.</summary>
public sealed record AuditChange(string Property, string? Before, string? After);

/// <summary>Turns the before/after JSON of an audit row into the properties that changed, for reading side by side.</summary>
public static class AuditDiff
{
    /// <summary>Shown for a JSON null, so it is not confused with "absent".</summary>
    public const string NullText = "(kosong)";

    /// <summary>
    /// Top-level properties of two JSON objects that were added, removed or changed, in the order they appear (before first).
    /// Anything that is not a pair of objects (one side missing is fine) comes back as one change with an empty property name.
    /// </summary>
    public static IReadOnlyList<AuditChange> Changes(string? before, string? after, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        if (string.IsNullOrWhiteSpace(before) && string.IsNullOrWhiteSpace(after)) return [];
        using var b = TryParse(before);
        using var a = TryParse(after);

        if (IsObjectOrBlank(b, before) && IsObjectOrBlank(a, after))
        {
            var oldProps = Properties(b);
            var newProps = Properties(a);
            var changes = new List<AuditChange>();
            foreach (var name in oldProps.Keys.Concat(newProps.Keys).Distinct(StringComparer.Ordinal))
            {
                var hasOld = oldProps.TryGetValue(name, out var oldValue);
                var hasNew = newProps.TryGetValue(name, out var newValue);
                if (hasOld && hasNew && JsonElement.DeepEquals(oldValue, newValue)) continue;
                changes.Add(new AuditChange(name, hasOld ? Display(oldValue, culture) : null, hasNew ? Display(newValue, culture) : null));
            }
            return changes;
        }

        var beforeText = b is null ? Blank(before) : Display(b.RootElement, culture);
        var afterText = a is null ? Blank(after) : Display(a.RootElement, culture);
        return beforeText == afterText ? [] : [new AuditChange("", beforeText, afterText)];
    }

    private static bool IsObjectOrBlank(JsonDocument? doc, string? text) =>
        string.IsNullOrWhiteSpace(text) || doc?.RootElement.ValueKind == JsonValueKind.Object;

    /// <summary>Top-level properties in document order; a repeated name keeps its first value.</summary>
    private static Dictionary<string, JsonElement> Properties(JsonDocument? doc)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (doc is null) return result;
        foreach (var p in doc.RootElement.EnumerateObject()) result.TryAdd(p.Name, p.Value);
        return result;
    }

    /// <summary>Strings without quotes, numbers in the reader's culture (14,5; no grouping, so years stay 2025), lists of plain values joined by commas.</summary>
    public static string? Display(JsonElement v, CultureInfo culture) =>
        v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.TryGetDecimal(out var d) ? d.ToString("0.############", culture) : v.GetRawText(),
            JsonValueKind.True => "ya",
            JsonValueKind.False => "tidak",
            JsonValueKind.Null => NullText,
            JsonValueKind.Array when v.GetArrayLength() > 0 && v.EnumerateArray().All(IsPlain) => string.Join(", ", v.EnumerateArray().Select(e => Display(e, culture))),
            _ => v.GetRawText(),
        };

    private static bool IsPlain(JsonElement e) => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static JsonDocument? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

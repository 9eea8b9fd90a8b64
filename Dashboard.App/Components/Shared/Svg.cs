using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Components.Shared;

/// <summary>
/// A MudBlazor icon as inline markup (one render frame, no component instance): for icons repeated in every cell of
/// big tables, where a component per icon would cost each open dashboard memory and diff time.
/// </summary>
public static class Svg
{
    public static MarkupString Icon(string icon, string? extraClass = null) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small {extraClass}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}

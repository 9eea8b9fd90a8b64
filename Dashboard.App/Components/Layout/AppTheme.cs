using MudBlazor;

namespace Dashboard.App.Components.Layout;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0d47a1",
            AppbarBackground = "#0d47a1",
            Secondary = "#00695c",
            Success = "#1b5e20",
            Warning = "#f9a825",
            Error = "#b71c1c",
        },
    };
}

using Bunit;
using MudBlazor.Services;

namespace Dashboard.Tests.TestSupport;

/// <summary>The one bUnit base: MudBlazor services, loose JS interop, id-ID culture.</summary>
public abstract class BunitTestContext : BunitContext, IAsyncLifetime
{
    private readonly System.Globalization.CultureInfo _previous = System.Globalization.CultureInfo.CurrentCulture;

    protected BunitTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("id-ID");
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("id-ID");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        System.Globalization.CultureInfo.CurrentCulture = _previous;
        System.Globalization.CultureInfo.CurrentUICulture = _previous;
        await base.DisposeAsync();
    }
}

using System.Globalization;
using Dashboard.App.Api;
using Dashboard.App.Cli;
using Dashboard.App.Components;
using Dashboard.App.Data;
using Dashboard.App.Evidence;
using Dashboard.App.Infrastructure;
using Dashboard.App.Live;
using Dashboard.App.Realisations;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
// Serves MudBlazor's files from the build output in every environment (a no-op once published).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddLocalization();
builder.Services.AddSignalR();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddSingleton<LiveUpdates>();
builder.Services.AddSingleton<RealisationService>();
builder.Services.AddEvidenceStore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddScoped<CircuitEvents>();

var app = builder.Build();

await app.Services.GetRequiredService<PlanSeeder>().MigrateAndSeedAsync();
if (app.Configuration.GetValue<bool>("Dashboard:SampleData"))
{
    foreach (var year in await app.Services.GetRequiredService<PlanRepository>().YearsAsync())
    {
        await app.Services.GetRequiredService<SampleRealisations>().EnsureAsync(year);
    }
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

// Indonesian unless the user explicitly chose English (cookie or ?culture=en-US): not the browser's language,
// so a projector laptop with an English browser still shows 7,1.
var cultures = new[] { new CultureInfo("id-ID"), new CultureInfo("en-US") };
var localization = new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("id-ID"),
    SupportedCultures = cultures,
    SupportedUICultures = cultures,
};
localization.RequestCultureProviders = localization.RequestCultureProviders
    .Where(p => p is not AcceptLanguageHeaderRequestCultureProvider).ToList();
app.UseRequestLocalization(localization);

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDashboardApi();
app.MapHub<DashboardHub>(DashboardHub.Path);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;

using System.Globalization;
using Dashboard.App.Api;
using Dashboard.App.Audit;
using Dashboard.App.Cli;
using Dashboard.App.Components;
using Dashboard.App.Data;
using Dashboard.App.Evidence;
using Dashboard.App.Field;
using Dashboard.App.Infrastructure;
using Dashboard.App.Live;
using Dashboard.App.Operations;
using Dashboard.App.Plans;
using Dashboard.App.Realisations;
using Dashboard.App.Reports;
using Dashboard.App.Reviews;
using Dashboard.App.Security;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
if (!HostingAddress.IsConfigured(builder.Configuration)) builder.WebHost.UseUrls(HostingAddress.Default);
// Serves MudBlazor's files from the build output in every environment (a no-op once published).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddLocalization();
builder.Services.AddSignalR();
builder.Services.AddDashboardScaleOut(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddSingleton<LiveUpdates>();
builder.Services.AddSingleton<RealisationService>();
builder.Services.AddSingleton<Dashboard.App.Reviews.ReviewService>();
builder.Services.AddEvidenceStore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddReviewPages();
builder.Services.AddReports();
builder.Services.AddPlanTransfer(builder.Configuration);
builder.Services.AddPlanEditor();
builder.Services.AddDashboardIdentity();
builder.Services.AddSignInLimits(builder.Configuration);
builder.Services.AddDashboardUserAdmin();
builder.Services.AddAuditQuery();
builder.Services.AddScoped<CircuitEvents>();
builder.Services.AddDashboardHealth();
builder.Services.AddDashboardRateLimits(builder.Configuration);
builder.Services.AddDatabaseBackup(builder.Configuration);
builder.Services.AddScheduledBackup();
builder.Services.AddFieldEntry(builder.Configuration);
builder.Services.Configure<CookiePolicyOptions>(o =>
{
    // Every cookie (sign-in, antiforgery, culture) unreadable from script, Secure whenever served over HTTPS, never sent cross-site.
    o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
    o.Secure = CookieSecurePolicy.SameAsRequest;
    o.MinimumSameSitePolicy = SameSiteMode.Lax;
});

var app = builder.Build();

await app.Services.GetRequiredService<PlanSeeder>().MigrateAndSeedAsync();
ScaleOut.EnsureDataProtectionKey(app.Services);
var setup = app.Services.GetRequiredService<UserSetup>();
await setup.EnsureRolesAsync();
var years = await app.Services.GetRequiredService<PlanRepository>().YearsAsync();
if (app.Configuration.GetValue<bool>("Dashboard:DemoAccounts"))
{
    foreach (var year in years) await setup.SeedDemoAccountsAsync(year);
}
if (await setup.CreateSetupTokenIfNoAdminAsync() is { } setupToken)
{
    // No fixed default password ever: the first admin is created through this one-time link (or `create-user`).
    // Printed once the server listens, so the link names the address it really bound (--urls, ASPNETCORE_URLS, port 0 …).
    app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
        $"Belum ada admin. Buka tautan sekali pakai ini untuk membuat admin pertama: {HostingAddress.Public(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>())}/setup?token={setupToken}"));
}
if (app.Configuration.GetValue<bool>("Dashboard:SampleData"))
{
    foreach (var year in years) await app.Services.GetRequiredService<SampleRealisations>().EnsureAsync(year);
}

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseCookiePolicy();

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

// Friendly pages for people; scripts and hub clients keep their bare status codes (401, 403, 404).
app.UseWhen(ctx => !IdentitySetup.IsMachineRequest(ctx.Request),
    branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
// Routing after the status-code pages, so a re-executed /not-found is matched to its page (with the implicit routing at
// the start of the pipeline the re-executed request found no endpoint and unknown URLs answered an empty 404).
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDashboardHealth();
app.MapDashboardApi();
app.MapFieldEntry();
app.MapEvidenceDownloads();
app.MapReportEndpoints();
app.MapHub<DashboardHub>(DashboardHub.Path);
app.MapAccountEndpoints();
app.MapPlanTransfer();
app.MapAuditEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;

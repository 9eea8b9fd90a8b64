// The bare stack each verb is compared with, in the same process and run: minimal WebApplications on their own ports,
// with no database (hub), no domain (hub, endpoint) and no MudBlazor (Blazor counter page).
using Dashboard.App.Data;
using Dashboard.Domain.Realisations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Bench;

/// <summary>A minimal app on a free loopback port; dispose to stop it.</summary>
public abstract class BareApp : IAsyncDisposable
{
    private HttpClient? _http;

    protected WebApplication App { get; private set; } = default!;

    public HttpClient Http => _http ??= new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public string BaseUrl => App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
        .Addresses.First().TrimEnd('/');

    protected async Task StartAsync(Action<WebApplicationBuilder> services, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services(builder);
        App = builder.Build();
        map(App);
        await App.StartAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await App.StopAsync(stop.Token);
        await App.DisposeAsync();
    }
}

/// <summary>No database, no domain: a hub with year groups and <c>POST /send</c> that broadcasts a RealisationRecorded.</summary>
public sealed class BareHubApp : BareApp
{
    public const string Path = "/hub";
    private long _entry;

    public static async Task<BareHubApp> StartNewAsync()
    {
        var app = new BareHubApp();
        await app.StartAsync(b => b.Services.AddSignalR(), a =>
        {
            a.MapHub<BareHub>(Path);
            a.MapPost("/send", async (IHubContext<BareHub> hub) =>
            {
                var id = Interlocked.Increment(ref app._entry);
                var change = new RealisationRecorded(2025, "T1.S1.P1.I1", "Persentase koperasi yang dibina", 4, 50m, 50.25m, "Bench",
                    DateTimeOffset.UtcNow, id, "level");
                await hub.Clients.Group("year-2025").SendAsync("RealisationRecorded", change);
                return Results.Ok(new { entryId = id });
            });
        });
        return app;
    }

    public sealed class BareHub : Hub
    {
        public Task SubscribeYear(int year) => Groups.AddToGroupAsync(Context.ConnectionId, $"year-{year}");
    }
}

/// <summary>No domain: <c>POST /insert</c> adds one row of the same shape as a realisation entry to its own SQLite file (WAL).</summary>
public sealed class BareWritesApp : BareApp
{
    private long _sequence;

    public string DatabasePath { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"renaksi-bare-{Guid.NewGuid():N}.db");

    public sealed record InsertRequest(int IndicatorId, int Quarter, decimal Value, string Date);

    /// <param name="perConnection">SQL run on every opened connection (the app's per-connection pragmas), or null.</param>
    public static async Task<BareWritesApp> StartNewAsync(string? perConnection = null)
    {
        var app = new BareWritesApp();
        await app.StartAsync(b => b.Services.AddDbContextFactory<BareDb>(o =>
        {
            o.UseSqlite($"Data Source={app.DatabasePath}");
            if (perConnection is not null) o.AddInterceptors(new PragmaInterceptor(perConnection));
        }), a =>
        {
            a.MapPost("/insert", async (InsertRequest request, IDbContextFactory<BareDb> factory, CancellationToken ct) =>
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var row = new RealisationRecord
                {
                    IndicatorId = request.IndicatorId, Quarter = request.Quarter, Date = DateOnly.Parse(request.Date, System.Globalization.CultureInfo.InvariantCulture),
                    Value = request.Value, RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "Bench", Kind = (int)EntryKind.Increment,
                    Sequence = (int)Interlocked.Increment(ref app._sequence),
                };
                db.Realisations.Add(row);
                await db.SaveChangesAsync(ct);
                return Results.Created($"/rows/{row.Id}", new { entryId = row.Id });
            });
        });
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<BareDb>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return app;
    }

    public async Task<(long Rows, decimal Total)> StoredAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<BareDb>>().CreateDbContextAsync();
        var values = await db.Realisations.AsNoTracking().Select(r => r.Value).ToListAsync();
        return (values.Count, values.Sum());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        BenchApp.DeleteDatabase(DatabasePath);
    }

    private sealed class PragmaInterceptor(string sql) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The realisation table only, with the same columns and indexes as the app's.</summary>
    public sealed class BareDb(DbContextOptions<BareDb> options) : DbContext(options)
    {
        public DbSet<RealisationRecord> Realisations => Set<RealisationRecord>();

        protected override void OnModelCreating(ModelBuilder model)
        {
            model.Entity<RealisationRecord>(e =>
            {
                e.ToTable("Realisations");
                e.HasIndex(r => new { r.IndicatorId, r.Quarter, r.Sequence }).IsUnique();
                e.HasIndex(r => r.CorrectsId);
                e.Property(r => r.RecordedBy).HasMaxLength(200);
                e.Property(r => r.CorrectionReason).HasMaxLength(500);
                e.Property(r => r.Kecamatan).HasMaxLength(50);
                e.Property(r => r.Note).HasMaxLength(2000);
            });
        }
    }
}

/// <summary>
/// A bare Blazor Server app of the same framework: one page with an interactive counter (no MudBlazor, no domain, no
/// sign-in). blazor.web.js is the real app's copy, so both run the same client.
/// </summary>
public sealed class BareBlazorApp : BareApp
{
    public static async Task<BareBlazorApp> StartNewAsync(byte[] blazorWebJs)
    {
        var app = new BareBlazorApp();
        await app.StartAsync(b => b.Services.AddRazorComponents().AddInteractiveServerComponents(), a =>
        {
            a.UseAntiforgery();
            a.MapGet("/_framework/blazor.web.js", () => Results.Bytes(blazorWebJs, "text/javascript"));
            a.MapRazorComponents<BareRoot>().AddInteractiveServerRenderMode();
        });
        return app;
    }

    /// <summary>The document: head, the counter (interactive Server), the script.</summary>
    [Microsoft.AspNetCore.Components.Route("/")]
    public sealed class BareRoot : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder b)
        {
            b.AddMarkupContent(0, "<!DOCTYPE html>");
            b.OpenElement(1, "html");
            b.OpenElement(2, "head");
            b.AddMarkupContent(3, "<meta charset=\"utf-8\" /><base href=\"/\" /><title>Counter</title>");
            b.CloseElement();
            b.OpenElement(4, "body");
            b.OpenComponent<Counter>(5);
            b.AddComponentRenderMode(Microsoft.AspNetCore.Components.Web.RenderMode.InteractiveServer);
            b.CloseComponent();
            b.AddMarkupContent(6, "<script src=\"_framework/blazor.web.js\"></script>");
            b.CloseElement();
            b.CloseElement();
        }
    }

    public sealed class Counter : ComponentBase
    {
        private int _count;

        protected override void BuildRenderTree(RenderTreeBuilder b)
        {
            b.OpenElement(0, "p");
            b.AddAttribute(1, "data-testid", "count");
            b.AddAttribute(2, "data-interactive", RendererInfo.IsInteractive ? "true" : "false");
            b.AddContent(3, _count);
            b.CloseElement();
            b.OpenElement(4, "button");
            b.AddAttribute(5, "data-testid", "increment");
            b.AddAttribute(6, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => _count++));
            b.AddContent(7, "+1");
            b.CloseElement();
        }
    }
}

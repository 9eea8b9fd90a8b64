using Dashboard.App.Data;
using Dashboard.App.Evidence;
using Dashboard.App.Live;
using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Field;

/// <summary><c>Dashboard:Field</c>: the offline entry page (<c>/lapangan</c>).</summary>
public sealed class FieldOptions
{
    public const string SectionName = "Dashboard:Field";

    /// <summary>Largest evidence photo the phone queues (the server's evidence limit still applies when it is sent).</summary>
    public long MaxPhotoBytes { get; set; } = 3 * 1024 * 1024;
}

/// <summary>
/// The offline entry page for officers: a static page (<c>wwwroot/lapangan/</c>, service worker, manifest) beside the
/// Blazor pages, fed by <c>GET /api/v1/field</c> (what the officer may record, targets, totals and the rules as data) and
/// writing through <c>POST /api/v1/realisations</c> with an <c>Idempotency-Key</c> and <c>POST /api/v1/evidence</c>.
/// </summary>
public static class FieldFeature
{
    public const string PagePath = "/lapangan";

    public static IServiceCollection AddFieldEntry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FieldOptions>(configuration.GetSection(FieldOptions.SectionName));
        return services;
    }

    public static IEndpointRouteBuilder MapFieldEntry(this IEndpointRouteBuilder app)
    {
        // The shell itself holds no data: the service worker keeps a copy so it opens offline; data comes from the API.
        app.MapGet(PagePath, (IWebHostEnvironment env, HttpContext http) =>
        {
            var file = env.WebRootFileProvider.GetFileInfo("lapangan/index.html");
            if (!file.Exists) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8");
        }).RequireAuthorization();
        app.MapGet("/api/v1/field", GetFieldDataAsync).RequireAuthorization();
        app.MapPost("/api/v1/evidence", PostEvidenceAsync).RequireAuthorization().DisableAntiforgery()
            .RequireRateLimiting(Infrastructure.RateLimits.Uploads);
        return app;
    }

    private static async Task<IResult> GetFieldDataAsync(int? tahun, PlanReadModel plans, PlanRepository repository, AccessService access,
        AgencyClock clock, IOptions<FieldOptions> field, EvidenceStore evidence, HttpContext http, CancellationToken ct)
    {
        var actor = ActingUser.From(http.User);
        var years = await repository.YearsAsync(ct);
        var year = tahun ?? (years.Contains(clock.Today.Year) ? clock.Today.Year : years.LastOrDefault());
        var snapshot = year == 0 ? null : await plans.GetAsync(year, ct);
        if (snapshot is null) return Results.Problem(statusCode: 404, title: "Rencana tidak ditemukan", detail: $"Tidak ada rencana untuk tahun {year}.");

        var indicators = new List<object>();
        foreach (var node in snapshot.Index.Plan.Roots.SelectMany(Flatten))
        {
            foreach (var indicator in node.Indicators)
            {
                if (!await access.CanRecordAsync(actor, year, indicator, ct)) continue;
                var entries = snapshot.EntriesOf(indicator.Code);
                indicators.Add(new
                {
                    indicator.Code, indicator.Name, indicator.Unit, Node = node.Label + " " + node.Title,
                    Aggregation = indicator.Aggregation.ToString(),
                    Polarity = indicator.Polarity.ToString(),
                    TargetAnnual = indicator.AnnualTarget,
                    indicator.QuarterTargets,
                    Rules = EntryRuleData.For(indicator),
                    Quarters = snapshot.Evaluation.For(indicator).Select(s => new
                    {
                        s.Quarter, s.Target, s.Realisation, s.Reported, Status = s.Tag.Label,
                        // Sequences run 1..n per quarter: the count is the latest a level value was saved after.
                        LatestSequence = entries.Count(e => e.Quarter == s.Quarter),
                    }).ToList(),
                });
            }
        }

        var quarters = new List<object>();
        foreach (var q in Quarters.All)
        {
            var window = await access.WindowAsync(actor, year, q, ct);
            quarters.Add(new
            {
                Quarter = q, Label = Quarters.Label(q), Start = Quarters.Start(year, q), End = Quarters.End(year, q),
                StartText = RealisationRules.ShortDate(Quarters.Start(year, q)), EndText = RealisationRules.ShortDate(Quarters.End(year, q)),
                window.Open, window.Message,
            });
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new
        {
            User = new { actor.UserName, actor.DisplayName },
            Year = year,
            Today = clock.Today,
            TodayText = RealisationRules.ShortDate(clock.Today),
            CurrentQuarter = clock.Today.Year == year ? Quarters.Of(clock.Today) : 4,
            GeneratedAt = clock.Time.GetUtcNow(),
            Limits = new
            {
                MaxPhotoBytes = Math.Min(field.Value.MaxPhotoBytes, evidence.MaxBytes),
                PhotoTypes = new[] { "image/jpeg", "image/png" },
                access.CaptureBoundDays,
                access.DaysAfterQuarter,
            },
            Numbers = new
            {
                IdNumber.MaxDecimals, IdNumber.Limit,
                Messages = new Dictionary<string, string>
                {
                    [nameof(IdNumber.Required)] = IdNumber.Required, [nameof(IdNumber.NotANumber)] = IdNumber.NotANumber,
                    [nameof(IdNumber.Ambiguous)] = IdNumber.Ambiguous, [nameof(IdNumber.EnglishFormat)] = IdNumber.EnglishFormat,
                    [nameof(IdNumber.TooManyCommas)] = IdNumber.TooManyCommas, [nameof(IdNumber.NothingAfterComma)] = IdNumber.NothingAfterComma,
                    [nameof(IdNumber.NothingBeforeComma)] = IdNumber.NothingBeforeComma, [nameof(IdNumber.TooManyDecimals)] = IdNumber.TooManyDecimals,
                    [nameof(IdNumber.OutOfRange)] = IdNumber.OutOfRange, [nameof(IdNumber.BadSpaceGroups)] = IdNumber.BadSpaceGroups,
                    [nameof(IdNumber.MixedGroups)] = IdNumber.MixedGroups,
                },
            },
            Rules = new
            {
                RealisationRules.MinReasonLength, RealisationRules.MaxReasonLength, RealisationRules.MaxNoteLength,
                Messages = RuleMessages.All,
            },
            Kecamatan = Kecamatan.All,
            Quarters = quarters,
            Indicators = indicators,
        });
    }

    private static IEnumerable<PlanNode> Flatten(PlanNode node) => node.Children.SelectMany(Flatten).Prepend(node);

    /// <summary>A queued evidence photo (multipart: year, indicatorCode, quarter, description, file).</summary>
    private static async Task<IResult> PostEvidenceAsync(HttpContext http, EvidenceUploads uploads, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: 415, title: "Format tidak didukung", detail: "Kirim bukti sebagai multipart/form-data.");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (!int.TryParse(form["year"], out var year) || !int.TryParse(form["quarter"], out var quarter) || string.IsNullOrWhiteSpace(form["indicatorCode"]) || file is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Isi year, indicatorCode, quarter dan file."] }, title: "Bukti tidak valid");
        }
        await using var stream = file.OpenReadStream();
        var result = await uploads.UploadAsync(year, form["indicatorCode"].ToString().Trim(), quarter, file.FileName, stream, file.Length,
            form["description"].ToString(), ActingUser.From(http.User), ct);
        return result.Status switch
        {
            SaveStatus.Saved => Results.Created("/api/v1/evidence", new { evidenceId = result.EntryId, replayed = result.Replayed }),
            SaveStatus.NotFound => Results.Problem(statusCode: 404, title: "Indikator tidak ditemukan", detail: result.Issues[0].Message),
            SaveStatus.Refused => Results.Problem(statusCode: 403, title: "Tidak diizinkan", detail: result.Issues[0].Message),
            _ => Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = result.Issues.Select(i => i.Message).ToArray() }, title: "Bukti tidak valid"),
        };
    }
}

using System.Globalization;
using System.Text.Json;
using Dashboard.App.Data;
using Dashboard.App.Realisations;
using Dashboard.Domain.Numbers;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;

namespace Dashboard.App.Api;

/// <summary>Body of <c>POST /api/v1/realisations</c>. <c>value</c> is a JSON number, or a string in id-ID format ("1.234,5");
/// <c>capturedAt</c> (ISO 8601 with offset) is when an offline entry was captured on the phone.</summary>
public sealed record RecordRealisationRequest(
    int Year,
    string? IndicatorCode,
    int Quarter,
    string? Kind,
    JsonElement Value,
    string? Date,
    string? Kecamatan = null,
    string? Note = null,
    string? CorrectionReason = null,
    bool Confirm = false,
    int? ExpectedSequence = null,
    NarrativeRequest? Narrative = null,
    string? CapturedAt = null);

public sealed record NarrativeRequest(string? Drivers, string? Obstacles, string? FollowUp, int ExpectedVersion = 0);

public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Renaksi").RequireAuthorization();
        api.MapGet("/plans/{year:int}", GetPlanAsync);
        api.MapPost("/realisations", PostRealisationAsync).DisableAntiforgery().RequireRateLimiting(Infrastructure.RateLimits.Writes);
        return app;
    }

    private static async Task<IResult> GetPlanAsync(int year, Dashboard.App.Live.PlanReadModel plans, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await plans.GetAsync(year, ct);
        if (snapshot is null) return Results.Problem(statusCode: 404, title: "Rencana tidak ditemukan", detail: $"Tidak ada rencana untuk tahun {year}.");
        var evaluation = snapshot.Evaluation;
        return Results.Ok(PlanDtoMapper.Map(evaluation, time.GetUtcNow(), snapshot.HasSampleData));
    }

    private static async Task<IResult> PostRealisationAsync(RealisationService service, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(message);

        // Read the body here rather than by binding, so a malformed field (NaN, 1e400 as a year, text for a number) is a
        // problem naming that field instead of a bare 400.
        if (!http.Request.HasJsonContentType())
        {
            return Results.Problem(statusCode: 415, title: "Format tidak didukung", detail: "Kirim isi permintaan sebagai application/json.");
        }
        RecordRealisationRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<RecordRealisationRequest>(ct);
        }
        catch (JsonException e)
        {
            Error(FieldOf(e.Path), "Nilai tidak dapat dibaca: periksa tipe dan formatnya (angka, teks, true/false).");
            return Validation(errors, []);
        }
        if (request is null)
        {
            Error("body", "Isi permintaan kosong.");
            return Validation(errors, []);
        }
        if (request.Year is < 2000 or > 2100) Error("year", "Tahun harus antara 2000 dan 2100.");
        if (request.Quarter is < 1 or > 4) Error("quarter", "Triwulan harus 1 sampai 4.");

        if (string.IsNullOrWhiteSpace(request.IndicatorCode)) Error("indicatorCode", "Kode indikator wajib diisi.");
        var kind = request.Kind?.Trim().ToLowerInvariant() switch
        {
            "increment" or "penambahan" => EntryKind.Increment,
            "level" or "nilai" => EntryKind.Level,
            "correction" or "koreksi" => EntryKind.Correction,
            _ => (EntryKind?)null,
        };
        if (kind is null) Error("kind", "Jenis wajib salah satu dari: increment, level, correction.");
        decimal value = 0;
        switch (request.Value.ValueKind)
        {
            case JsonValueKind.Number when request.Value.TryGetDecimal(out var number):
                value = number;
                break;
            case JsonValueKind.Number:
                Error("value", IdNumber.OutOfRange);
                break;
            case JsonValueKind.String:
                var parsed = IdNumber.Parse(request.Value.GetString());
                if (parsed.Ok) value = parsed.Value;
                else Error("value", parsed.Error!);
                break;
            default:
                Error("value", "Nilai wajib diisi (angka, atau teks berformat Indonesia seperti \"1.234,5\").");
                break;
        }
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(request.Date) || !DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            Error("date", "Tanggal wajib berformat yyyy-MM-dd.");
        }
        DateTimeOffset? capturedAt = null;
        if (request.CapturedAt is { Length: > 0 } capturedText)
        {
            if (DateTimeOffset.TryParse(capturedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var captured)) capturedAt = captured;
            else Error("capturedAt", "Waktu pencatatan wajib berformat ISO 8601, mis. 2025-05-12T09:30:00+07:00.");
        }
        var idempotencyKey = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (idempotencyKey.Length > 0 && !IsValidIdempotencyKey(idempotencyKey))
        {
            Error("idempotencyKey", "Idempotency-Key harus 1–100 karakter: huruf, angka, '-', '_', '.' atau ':'.");
        }
        if (errors.Count > 0) return Validation(errors, []);

        var narrative = request.Narrative is { } n ? new NarrativeInput(n.Drivers, n.Obstacles, n.FollowUp, n.ExpectedVersion) : null;
        var result = await service.RecordAsync(new RecordRealisation(request.Year, request.IndicatorCode!.Trim(), request.Quarter, kind!.Value, value, date,
            Security.ActingUser.From(http.User), request.Kecamatan, request.Note, request.CorrectionReason, request.Confirm, request.ExpectedSequence,
            Narrative: narrative, IdempotencyKey: idempotencyKey.Length > 0 ? idempotencyKey : null, CapturedAt: capturedAt), ct);

        switch (result.Status)
        {
            case SaveStatus.Saved:
                // A repeated key gets the first answer again (same status, same entry), marked as a replay.
                if (result.Replayed) http.Response.Headers[ReplayedHeader] = "true";
                return Results.Created($"/api/v1/plans/{request.Year}", new
                {
                    entryId = result.EntryId,
                    replayed = result.Replayed,
                    change = result.Change,
                    status = result.After is { } s ? new QuarterDto(s.Quarter, s.Target, s.ComparedTarget, s.Realisation, s.Capaian, s.AnnualProgress,
                        s.Reported, s.Warning, StatusDto.From(s.Tag), s.Formula) : null,
                });
            case SaveStatus.NotFound:
                return Results.Problem(statusCode: 404, title: "Indikator tidak ditemukan", detail: result.Issues[0].Message,
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["indicatorCode"] = [result.Issues[0].Message] } });
            case SaveStatus.Refused:
                return Results.Problem(statusCode: 403, title: "Tidak diizinkan", detail: result.Issues[0].Message);
            case SaveStatus.Conflict:
                return Results.Problem(statusCode: 409, title: "Konflik penyimpanan", detail: result.Conflict?.Message ?? result.Issues[0].Message,
                    extensions: new Dictionary<string, object?>
                    {
                        ["currentValue"] = result.Conflict?.CurrentValue,
                        ["currentSequence"] = result.Conflict?.CurrentSequence,
                        ["currentNarrative"] = result.Conflict?.CurrentNarrative,
                    });
            default:
                foreach (var issue in result.Issues) Error(Camel(issue.Field), issue.Message);
                return Validation(errors, result.Issues.Where(i => i.NeedsConfirmation).Select(i => Camel(i.Field)).Distinct().ToList());
        }
    }

    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>A client-generated key (a UUID in practice): short, printable, no spaces.</summary>
    public static bool IsValidIdempotencyKey(string key) =>
        key.Length is >= 1 and <= 100 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static IResult Validation(Dictionary<string, List<string>> errors, List<string> confirmations) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: "Data realisasi tidak valid",
            detail: confirmations.Count > 0 ? "Sebagian isian perlu dikonfirmasi: kirim ulang dengan \"confirm\": true bila sudah benar." : null,
            extensions: new Dictionary<string, object?> { ["confirmationRequired"] = confirmations });

    /// <summary>"$.narrative.drivers" → "narrative.drivers"; the body itself when the path is unknown.</summary>
    private static string FieldOf(string? path)
    {
        var field = path is { Length: > 2 } p && p.StartsWith("$.") ? p[2..] : "body";
        return string.Join('.', field.Split('.').Select(Camel));
    }

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}

using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Audit;

/// <summary>Audit actions, stable strings used in filters and exports.</summary>
public static class AuditActions
{
    public const string RealisationRecorded = "realisasi.dicatat";
    public const string RealisationCorrected = "realisasi.dikoreksi";
    public const string NarrativeSaved = "narasi.disimpan";
    public const string EvidenceAdded = "bukti.ditambah";
    public const string Verified = "verifikasi.diverifikasi";
    public const string Returned = "verifikasi.dikembalikan";
    public const string QuarterLocked = "triwulan.dikunci";
    public const string QuarterReopened = "triwulan.dibuka";
    public const string ExceptionGranted = "triwulan.pengecualian";
    public const string AssignmentAdded = "penugasan.ditambah";
    public const string AssignmentRemoved = "penugasan.dihapus";
    public const string UserCreated = "pengguna.dibuat";
    public const string UserChanged = "pengguna.diubah";
    public const string RolesChanged = "pengguna.peran";
    public const string SignIn = "masuk.berhasil";
    public const string SignInFailed = "masuk.gagal";
    public const string SignOut = "keluar";
    public const string TokenCreated = "token.dibuat";
    public const string TokenRevoked = "token.dicabut";
    public const string PlanChanged = "rencana.diubah";
    public const string DecisionAdded = "rapat.keputusan";

    public static readonly IReadOnlyList<string> All =
    [
        RealisationRecorded, RealisationCorrected, NarrativeSaved, EvidenceAdded, Verified, Returned, QuarterLocked, QuarterReopened,
        ExceptionGranted, AssignmentAdded, AssignmentRemoved, UserCreated, UserChanged, RolesChanged, SignIn, SignInFailed, SignOut,
        TokenCreated, TokenRevoked, PlanChanged, DecisionAdded,
    ];
}

/// <summary>Writes audit rows: inside the caller's transaction (<see cref="Add"/>) so a change and its audit commit together.</summary>
public sealed class AuditLog(IDbContextFactory<DashboardDbContext> factory, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Caps of the short columns, whatever a caller passes (a row must never grow with what a stranger typed).</summary>
    public const int MaxActorLength = 256;
    public const int MaxKeyLength = 300;
    public const int MaxDetailLength = 2000;

    public static AuditRecord Add(DashboardDbContext db, DateTimeOffset at, string actor, string action, string entity, string? key,
        object? before = null, object? after = null, string? detail = null)
    {
        var record = new AuditRecord
        {
            At = at, Actor = Cap(actor, MaxActorLength)!, Action = action, Entity = entity, EntityKey = Cap(key, MaxKeyLength),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Detail = Cap(detail, MaxDetailLength),
        };
        db.Audit.Add(record);
        return record;
    }

    private static string? Cap(string? value, int max) => value is null || value.Length <= max ? value : value[..(max - 1)] + "…";

    /// <summary>For events that change nothing else (sign-ins).</summary>
    public async Task WriteAsync(string actor, string action, string entity, string? key, object? before = null, object? after = null, string? detail = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        Add(db, time.GetUtcNow(), actor, action, entity, key, before, after, detail);
        await db.SaveChangesAsync();
    }
}

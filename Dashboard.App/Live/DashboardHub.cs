using Dashboard.App.Realisations;
using Dashboard.App.Security;
using Dashboard.Domain.Realisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.App.Live;

/// <summary>What SignalR clients (kiosk screens, integrations) receive.</summary>
public interface IDashboardClient
{
    Task RealisationRecorded(RealisationRecorded change);

    Task ReviewChanged(ReviewChanged change);

    /// <summary>The plan itself changed (editor, import): reload the plan.</summary>
    Task PlanChanged(PlanChangedNotice notice);
}

/// <summary>The plan of a year was edited or imported; <paramref name="Kind"/> names the change.</summary>
public sealed record PlanChangedNotice(int Year, string Kind, string By, DateTimeOffset At);

/// <summary>A recording sent through the hub: the same command as the page and the API.</summary>
public sealed record HubRecordRequest(int Year, string IndicatorCode, int Quarter, EntryKind Kind, decimal Value, DateOnly Date,
    string? Kecamatan = null, string? Note = null, string? CorrectionReason = null, bool Confirm = false, int? ExpectedSequence = null);

/// <summary>Outcome of <see cref="DashboardHub.RecordRealisation"/>: status and the messages per field.</summary>
public sealed record HubSaveResult(string Status, long? EntryId, IReadOnlyList<RuleIssue> Issues);

/// <summary>
/// Hub at <c>/hubs/dashboard</c> for non-Blazor clients (signed in, or with an API token): subscribe to a plan year and
/// receive <see cref="IDashboardClient.RealisationRecorded"/> and <see cref="IDashboardClient.ReviewChanged"/>; recorders may
/// also record through it, with the same rules and permissions as the page and the API.
/// </summary>
[Authorize]
public sealed class DashboardHub(RealisationService realisations, Infrastructure.RateLimits limits) : Hub<IDashboardClient>
{
    public const string Path = "/hubs/dashboard";

    public static string YearGroup(int year) => $"year-{year}";

    public Task SubscribeYear(int year)
    {
        if (year is < 2000 or > 2100) throw new HubException("Tahun tidak sah.");
        return Groups.AddToGroupAsync(Context.ConnectionId, YearGroup(year));
    }

    public Task UnsubscribeYear(int year) => Groups.RemoveFromGroupAsync(Context.ConnectionId, YearGroup(year));

    public async Task<HubSaveResult> RecordRealisation(HubRecordRequest request)
    {
        if (request.Year is < 2000 or > 2100) return new HubSaveResult("Invalid", null, [new RuleIssue("Year", "Tahun harus antara 2000 dan 2100.", false)]);
        var actor = ActingUser.From(Context.User ?? new System.Security.Claims.ClaimsPrincipal());
        if (limits.TryAcquire(Infrastructure.RateLimits.Writes, actor.UserName) is { } limited)
        {
            return new HubSaveResult("TooManyRequests", null, [new RuleIssue("Value", limited, false)]);
        }
        var result = await realisations.RecordAsync(new RecordRealisation(request.Year, request.IndicatorCode, request.Quarter, request.Kind, request.Value,
            request.Date, actor, request.Kecamatan, request.Note, request.CorrectionReason, request.Confirm, request.ExpectedSequence));
        return new HubSaveResult(result.Status.ToString(), result.EntryId, result.Issues);
    }
}

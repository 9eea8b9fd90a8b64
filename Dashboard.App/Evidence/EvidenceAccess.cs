using Dashboard.App.Data;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Evidence;

/// <summary>Who may download which bukti dukung (<see cref="Permissions.CanSeeEvidence"/>), found by its random public id.</summary>
public sealed class EvidenceAccess(IDbContextFactory<DashboardDbContext> factory, AccessService access)
{
    /// <summary>Whether the actor may see any evidence at all (the kiosk role may not): asked before any lookup.</summary>
    public static bool MaySeeAny(ActingUser actor) =>
        actor.IsAuthenticated && Permissions.CanSeeEvidence(actor.Roles.ToList(), assignedOrUploader: true);

    public async Task<EvidenceRecord?> FindAsync(string publicId, CancellationToken ct = default)
    {
        if (publicId is not { Length: 32 } || !publicId.All(char.IsAsciiHexDigitLower)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Evidence.AsNoTracking().SingleOrDefaultAsync(x => x.PublicId == publicId, ct);
    }

    public async Task<bool> CanSeeAsync(ActingUser actor, EvidenceRecord record, CancellationToken ct = default)
    {
        if (!MaySeeAny(actor) || !await access.IsCurrentAsync(actor, ct)) return false;
        var roles = actor.Roles.ToList();
        if (Permissions.CanSeeAllEvidence(roles)) return true;
        if (record.UploadedById is not null && record.UploadedById == actor.Id) return Permissions.CanSeeEvidence(roles, assignedOrUploader: true);

        await using var db = await factory.CreateDbContextAsync(ct);
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == record.IndicatorId)
            .Join(db.Plans, i => i.PlanId, p => p.Id, (i, p) => new { i.Code, i.NodeId, i.PlanId, p.Year }).SingleOrDefaultAsync(ct);
        if (indicator is null) return false;
        var nodes = await db.Nodes.AsNoTracking().Where(n => n.PlanId == indicator.PlanId)
            .Select(n => new { n.Id, n.ParentId, n.Code }).ToDictionaryAsync(n => n.Id, ct);
        var upward = new List<string>();
        for (int? id = indicator.NodeId; id is { } nodeId && nodes.TryGetValue(nodeId, out var node) && upward.Count <= nodes.Count; id = node.ParentId)
        {
            upward.Add(node.Code);
        }
        var assigned = await access.AssignedCodesAsync(actor.Id, indicator.Year, ct);
        return Permissions.CanSeeEvidence(roles, Assignments.Covers(assigned, indicator.Code, upward));
    }
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Data;

/// <summary>The app's model on SQLite; <see cref="PostgresDashboardDbContext"/> is the same model on PostgreSQL.</summary>
public class DashboardDbContext(DbContextOptions<DashboardDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection keys, shared by every instance (cookies, antiforgery tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<PlanRecord> Plans => Set<PlanRecord>();
    public DbSet<NodeRecord> Nodes => Set<NodeRecord>();
    public DbSet<IndicatorRecord> Indicators => Set<IndicatorRecord>();
    public DbSet<RealisationRecord> Realisations => Set<RealisationRecord>();
    public DbSet<NarrativeRecord> Narratives => Set<NarrativeRecord>();
    public DbSet<EvidenceRecord> Evidence => Set<EvidenceRecord>();
    public DbSet<AssignmentRecord> Assignments => Set<AssignmentRecord>();
    public DbSet<ReviewRecord> Reviews => Set<ReviewRecord>();
    public DbSet<QuarterLockRecord> QuarterLocks => Set<QuarterLockRecord>();
    public DbSet<EntryExceptionRecord> EntryExceptions => Set<EntryExceptionRecord>();
    public DbSet<AuditRecord> Audit => Set<AuditRecord>();
    public DbSet<ApiTokenRecord> ApiTokens => Set<ApiTokenRecord>();
    public DbSet<SetupTokenRecord> SetupTokens => Set<SetupTokenRecord>();
    public DbSet<DecisionRecord> Decisions => Set<DecisionRecord>();
    public DbSet<RetiredCodeRecord> RetiredCodes => Set<RetiredCodeRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<AppUser>(e => e.Property(u => u.DisplayName).HasMaxLength(200));
        model.Entity<DecisionRecord>(e =>
        {
            e.HasIndex(d => new { d.Year, d.Quarter });
            e.HasIndex(d => d.IndicatorId);
            e.Property(d => d.Text).HasMaxLength(2000);
            e.Property(d => d.Owner).HasMaxLength(200);
            e.Property(d => d.CreatedBy).HasMaxLength(200);
            e.HasOne<IndicatorRecord>().WithMany().HasForeignKey(d => d.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AssignmentRecord>(e =>
        {
            e.HasIndex(a => new { a.UserId, a.Year, a.Code }).IsUnique();
            e.Property(a => a.Code).HasMaxLength(64);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ReviewRecord>(e =>
        {
            e.HasIndex(r => new { r.IndicatorId, r.Quarter, r.Version }).IsUnique();
            e.Property(r => r.Reason).HasMaxLength(1000);
            e.HasOne<IndicatorRecord>().WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<QuarterLockRecord>(e => e.HasIndex(l => new { l.Year, l.Quarter }));
        model.Entity<EntryExceptionRecord>(e =>
        {
            e.HasIndex(x => new { x.UserId, x.Year, x.Quarter });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AuditRecord>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.Actor);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Entity).HasMaxLength(64);
            e.Property(a => a.EntityKey).HasMaxLength(200);
        });
        model.Entity<ApiTokenRecord>(e =>
        {
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<PlanRecord>(e =>
        {
            e.HasIndex(p => p.Year).IsUnique();
            e.Property(p => p.Agency).HasMaxLength(200);
            e.Property(p => p.Title).HasMaxLength(200);
            e.HasMany(p => p.Nodes).WithOne().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<NodeRecord>(e =>
        {
            e.HasIndex(n => new { n.PlanId, n.Code }).IsUnique();
            e.Property(n => n.Code).HasMaxLength(64);
            e.Property(n => n.Title).HasMaxLength(1000);
            e.HasOne<NodeRecord>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(n => n.Indicators).WithOne().HasForeignKey(i => i.NodeId).OnDelete(DeleteBehavior.Cascade);
            e.Property(n => n.Version).IsConcurrencyToken();
        });
        model.Entity<IndicatorRecord>(e =>
        {
            e.HasIndex(i => new { i.PlanId, i.Code }).IsUnique();
            e.Property(i => i.Code).HasMaxLength(64);
            e.Property(i => i.Name).HasMaxLength(1000);
            e.Property(i => i.Unit).HasMaxLength(50);
            e.HasOne<PlanRecord>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.NoAction);
            e.Property(i => i.Version).IsConcurrencyToken();
        });
        model.Entity<RetiredCodeRecord>(e =>
        {
            e.HasIndex(r => new { r.PlanId, r.Code }).IsUnique();
            e.Property(r => r.Code).HasMaxLength(64);
            e.HasOne<PlanRecord>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<RealisationRecord>(e =>
        {
            e.HasIndex(r => new { r.IndicatorId, r.Quarter, r.Sequence }).IsUnique();
            e.HasIndex(r => r.IdempotencyKey).IsUnique();
            e.Property(r => r.IdempotencyKey).HasMaxLength(200);
            e.Property(r => r.RecordedBy).HasMaxLength(200);
            e.Property(r => r.CorrectionReason).HasMaxLength(500);
            e.Property(r => r.Kecamatan).HasMaxLength(50);
            e.Property(r => r.Note).HasMaxLength(2000);
            e.HasOne<IndicatorRecord>().WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<RealisationRecord>().WithMany().HasForeignKey(r => r.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<NarrativeRecord>(e =>
        {
            e.HasIndex(n => new { n.IndicatorId, n.Quarter, n.Version }).IsUnique();
            e.Property(n => n.Drivers).HasMaxLength(4000);
            e.Property(n => n.Obstacles).HasMaxLength(4000);
            e.Property(n => n.FollowUp).HasMaxLength(4000);
            e.Property(n => n.SavedBy).HasMaxLength(200);
            e.HasOne<IndicatorRecord>().WithMany().HasForeignKey(n => n.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<EvidenceRecord>(e =>
        {
            e.HasIndex(x => new { x.IndicatorId, x.Quarter });
            e.HasIndex(x => x.PublicId).IsUnique();
            e.HasIndex(x => x.RelativePath);
            e.Property(x => x.PublicId).HasMaxLength(32);
            e.Property(x => x.UploadedById).HasMaxLength(450);
            e.Property(x => x.OriginalName).HasMaxLength(200);
            e.Property(x => x.RelativePath).HasMaxLength(300);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.UploadedBy).HasMaxLength(200);
            e.HasOne<IndicatorRecord>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

using Dashboard.App.Data;
using Dashboard.App.Security;
using Dashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Reviews;

/// <summary>Real users in the test database, as the services see them (an officer's assignments are looked up by user id).</summary>
internal static class ReviewTestUsers
{
    public static async Task<ActingUser> CreateAsync(this AppFactory app, string userName, string displayName, string role, params string[] assignedCodes)
    {
        await app.UserWithTokenAsync(userName, displayName, role, assignedCodes);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new ActingUser(id, userName, displayName, new HashSet<string>([role], StringComparer.Ordinal));
    }

    public static async Task<List<AuditRecord>> AuditAsync(this AppFactory app, string action)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Audit.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }
}

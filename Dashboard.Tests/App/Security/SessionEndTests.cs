using System.Net;
using System.Text.RegularExpressions;
using Dashboard.App.Data;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Tests.App.Reviews;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Security;

/// <summary>
/// Locking, a role change, a password reset and "akhiri sesi" end the user's cookie sessions at their next request, and
/// every service refuses an actor whose session is no longer current (the claims an open page started with no longer count).
/// </summary>
public sealed partial class SessionEndTests : IAsyncLifetime
{
    private const string Password = "kata-sandi-rina-1";
    private static readonly ActingUser Root = ActingUser.Of("root", Roles.Admin);

    private readonly AppFactory _app = new(today: "2025-05-15");
    private UserAdminService Admin => _app.Services.GetRequiredService<UserAdminService>();

    public async Task InitializeAsync()
    {
        var created = await _app.Services.GetRequiredService<UserSetup>().CreateUserAsync("rina", "Rina", Password, [Roles.Planner], "test");
        Assert.True(created.Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string> Changes() => ["kunci", "peran", "kata sandi", "akhiri sesi"];

    private Task<AdminResult> ApplyAsync(string change) => change switch
    {
        "kunci" => Admin.SetLockedAsync(Root, "rina", locked: true),
        "peran" => Admin.SetRolesAsync(Root, "rina", [Roles.Officer]),
        "kata sandi" => Admin.ResetPasswordAsync(Root, "rina", "kata-sandi-baru-22"),
        _ => Admin.SignOutEverywhereAsync(Root, "rina"),
    };

    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/masuk");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"),
            ["_handler"] = Hidden(form, "_handler"),
            ["Input.UserName"] = "rina",
            ["Input.Password"] = Password,
        };
        var response = await client.PostAsync("/masuk", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verifikasi")).StatusCode);
        return client;
    }

    private static string Hidden(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);

    /// <summary>The actor an open page of rina holds: built from her signed-in principal, with its security stamp.</summary>
    private async Task<ActingUser> OpenPageActorAsync()
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync((await users.FindByNameAsync("rina"))!);
        return ActingUser.From(principal);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AfterTheChange_TheOldCookie_IsSentToSignIn_OnTheNextRequest(string change)
    {
        var client = await SignedInClientAsync();

        Assert.True((await ApplyAsync(change)).Ok);
        var response = await client.GetAsync("/verifikasi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/masuk", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AfterTheChange_AnOpenPagesActor_IsRefusedByTheServices(string change)
    {
        var actor = await OpenPageActorAsync();
        var access = _app.Services.GetRequiredService<AccessService>();
        var indicator = (await _app.Plans.LoadAsync(2025))!.Plan.AllIndicators().First();
        Assert.True(await access.CanRecordAsync(actor, 2025, indicator));

        Assert.True((await ApplyAsync(change)).Ok);

        Assert.False(await access.CanRecordAsync(actor, 2025, indicator));
        Assert.False(await _app.Services.GetRequiredService<UserSessions>().IsCurrentAsync(actor));
    }

    [Fact]
    public async Task AnAdminWhoseSessionsWereEnded_CannotAdministerFromTheOldPage()
    {
        await Admin.SetRolesAsync(Root, "rina", [Roles.Admin]);
        var actor = await OpenPageActorAsync();
        Assert.NotEmpty(await Admin.ListAsync(actor));

        await Admin.SignOutEverywhereAsync(Root, "rina");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.ListAsync(actor));
    }

    [Fact]
    public async Task SignOutEverywhere_IsAudited()
    {
        await Admin.SignOutEverywhereAsync(Root, "rina");

        var rows = await _app.AuditAsync(Dashboard.App.Audit.AuditActions.UserChanged);
        Assert.Contains(rows, r => r.EntityKey == "rina" && r.Detail == "Semua sesi pengguna diakhiri.");
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Dashboard.App.Audit;
using Dashboard.App.Data;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Security;

/// <summary>Sign-in through the real login form (antiforgery, cookies), lockout, and the Production first run.</summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public async Task InitializeAsync()
    {
        var created = await _app.Services.GetRequiredService<UserSetup>().CreateUserAsync("siti", "Siti Aminah", "kata-sandi-siti-1", [Roles.Officer], "test");
        Assert.True(created.Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string user, string password, string returnUrl = "/")
    {
        var form = await client.GetStringAsync($"/masuk?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"),
            ["_handler"] = Hidden(form, "_handler"),
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        };
        return await client.PostAsync($"/masuk?returnUrl={Uri.EscapeDataString(returnUrl)}", new FormUrlEncodedContent(fields));
    }

    private static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value is { Length: > 0 } v
            ? WebUtility.HtmlDecode(v)
            : throw new InvalidOperationException($"hidden field {name} not found");

    private HttpClient NewBrowserLikeClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<List<AuditRecord>> AuditAsync(string action)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Audit.AsNoTracking().Where(a => a.Action == action).ToListAsync();
    }

    [Fact]
    public async Task CorrectPassword_SignsIn_RedirectsToTheLocalReturnUrl_AndIsAudited()
    {
        var client = NewBrowserLikeClient();

        var response = await PostLoginAsync(client, "siti", "kata-sandi-siti-1", "/input");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(("localhost", "/input"), (response.Headers.Location!.Host, response.Headers.Location.PathAndQuery));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/input")).StatusCode);
        Assert.Contains(await AuditAsync(AuditActions.SignIn), a => a.Actor == "siti");
    }

    [Fact]
    public async Task ForeignReturnUrl_IsIgnored()
    {
        var response = await PostLoginAsync(NewBrowserLikeClient(), "siti", "kata-sandi-siti-1", "https://contoh.invalid/curi");

        Assert.Equal(("localhost", "/"), (response.Headers.Location!.Host, response.Headers.Location.PathAndQuery));
    }

    [Fact]
    public async Task WrongPassword_IsRefusedInIndonesian_AndAuditedAsFailed()
    {
        var response = await PostLoginAsync(NewBrowserLikeClient(), "siti", "salah-sekali-123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nama pengguna atau kata sandi salah.", await response.Content.ReadAsStringAsync());
        Assert.Contains(await AuditAsync(AuditActions.SignInFailed), a => a.Actor == "siti");
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenForTheRightPassword()
    {
        for (var i = 0; i < 5; i++) await PostLoginAsync(NewBrowserLikeClient(), "siti", $"salah-{i}-password");

        var response = await PostLoginAsync(NewBrowserLikeClient(), "siti", "kata-sandi-siti-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dikunci sementara", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOut_NeedsTheAntiforgeryToken_AndEndsTheSession()
    {
        var client = NewBrowserLikeClient();
        await PostLoginAsync(client, "siti", "kata-sandi-siti-1");

        var forged = await client.PostAsync("/akun/keluar", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ProductionStart_HasNoUserAndNoDefaultPassword_OnlyAOneTimeSetupLink()
    {
        await using var fresh = new AppFactory();
        using var scope = fresh.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Empty(users.Users.ToList());
        foreach (var demo in UserSetup.DemoAccounts) Assert.Null(await users.FindByNameAsync(demo.UserName));

        var setup = fresh.Services.GetRequiredService<UserSetup>();
        var token = await setup.CreateSetupTokenIfNoAdminAsync();
        Assert.NotNull(token);
        var weak = await setup.CompleteSetupAsync(token!, "kepala-it", "Kepala TI", "pendek1");
        Assert.False(weak.Succeeded);
        Assert.Contains(weak.Errors, e => e.Description.Contains("minimal 10", StringComparison.Ordinal));
        Assert.True((await setup.CompleteSetupAsync(token!, "kepala-it", "Kepala TI", "kata-sandi-kuat-2025")).Succeeded);

        Assert.False((await setup.CompleteSetupAsync(token!, "penyusup", "Penyusup", "kata-sandi-kuat-2025")).Succeeded);
        Assert.Null(await setup.CreateSetupTokenIfNoAdminAsync());
        Assert.True(await users.IsInRoleAsync((await users.FindByNameAsync("kepala-it"))!, Roles.Admin));
    }

    [Fact]
    public async Task OlderSetupLinks_StopWorking_WhenANewOneIsIssued()
    {
        await using var fresh = new AppFactory();
        var setup = fresh.Services.GetRequiredService<UserSetup>();
        var first = await setup.CreateSetupTokenIfNoAdminAsync();
        var second = await setup.CreateSetupTokenIfNoAdminAsync();

        Assert.False((await setup.CompleteSetupAsync(first!, "admin-a", "A", "kata-sandi-kuat-2025")).Succeeded);
        Assert.True((await setup.CompleteSetupAsync(second!, "admin-b", "B", "kata-sandi-kuat-2025")).Succeeded);
    }
}

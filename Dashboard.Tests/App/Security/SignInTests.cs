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

    /// <summary>A cookie-keeping client; <paramref name="address"/> makes it a client of its own for the per-client limits.</summary>
    private HttpClient NewBrowserLikeClient(string? address = null)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (address is not null) client.DefaultRequestHeaders.Add(AppFactory.ClientAddressHeader, address);
        return client;
    }

    private static async Task<string?> LoginErrorAsync(HttpResponseMessage response) =>
        LoginError().Match(await response.Content.ReadAsStringAsync()) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();

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

        // siti is an officer: the default landing, inside the site, is Tugas saya (issue 11).
        Assert.Equal(("localhost", "/tugas"), (response.Headers.Location!.Host, response.Headers.Location.PathAndQuery));
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
    public async Task FiveFailures_FromOneClient_SlowDownThatClient_NotTheAccountsOwnerElsewhere()
    {
        for (var i = 0; i < SignInThrottle.FreeFailures; i++) await PostLoginAsync(NewBrowserLikeClient("203.0.113.7"), "siti", $"salah-{i}-password");

        var attacker = await PostLoginAsync(NewBrowserLikeClient("203.0.113.7"), "siti", "kata-sandi-siti-1");
        var owner = await PostLoginAsync(NewBrowserLikeClient("198.51.100.20"), "siti", "kata-sandi-siti-1");

        Assert.Equal(HttpStatusCode.OK, attacker.StatusCode);
        Assert.StartsWith("Terlalu banyak percobaan gagal untuk nama ini dari perangkat ini. Coba lagi dalam ", await LoginErrorAsync(attacker));
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task FiftyBadPasswords_FromOneClient_DoNotLockTheAccount_ForAnotherClient()
    {
        var attacker = NewBrowserLikeClient("203.0.113.7");
        for (var i = 0; i < 50; i++) await PostLoginAsync(attacker, "siti", $"tebakan-{i}-salah");

        var owner = NewBrowserLikeClient("198.51.100.20");
        var response = await PostLoginAsync(owner, "siti", "kata-sandi-siti-1", "/input");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/input", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/input")).StatusCode);
    }

    [Fact]
    public async Task UnknownName_AndWrongPassword_GetTheSameAnswer_AtEveryAttempt()
    {
        for (var i = 0; i < SignInThrottle.FreeFailures + 2; i++)
        {
            var known = await LoginErrorAsync(await PostLoginAsync(NewBrowserLikeClient(), "siti", $"salah-{i}-password"));
            var unknown = await LoginErrorAsync(await PostLoginAsync(NewBrowserLikeClient(), "tidak-ada-siapa", $"salah-{i}-password"));

            Assert.NotNull(known);
            // The wait is in whole seconds and the two counters start a moment apart.
            Assert.Equal(Digits().Replace(known, "N"), Digits().Replace(unknown!, "N"));
        }
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    [Fact]
    public async Task LockedAccount_IsOnlyToldAsSuch_ToSomeoneWithTheRightPassword()
    {
        await _app.Services.GetRequiredService<UserAdminService>().SetLockedAsync(ActingUser.Of("root", Roles.Admin), "siti", locked: true);

        var wrong = await LoginErrorAsync(await PostLoginAsync(NewBrowserLikeClient(), "siti", "salah-sekali-123"));
        var right = await PostLoginAsync(NewBrowserLikeClient(), "siti", "kata-sandi-siti-1");

        Assert.Equal(SignInService.WrongCredentials, wrong);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(SignInService.AccountLocked, await LoginErrorAsync(right));
    }

    [Fact]
    public async Task OneMegabyteUserName_StoresOnlyAShortPrefix_InTheAuditLog()
    {
        var huge = new string('x', 1024 * 1024);
        for (var i = 0; i < 3; i++) await PostLoginAsync(NewBrowserLikeClient(), huge, "apa-saja-123");

        var failed = await AuditAsync(AuditActions.SignInFailed);
        Assert.Equal(3, failed.Count);
        Assert.All(failed, a =>
        {
            Assert.Equal("xxx…", a.Actor);
            Assert.Equal("xxx…", a.EntityKey);
            Assert.True((a.Detail?.Length ?? 0) < 100, a.Detail);
        });
    }

    [Fact]
    public async Task PasswordTypedIntoTheNameField_IsNotStored_BeyondAShortPrefix()
    {
        await PostLoginAsync(NewBrowserLikeClient(), "kata-sandi-siti-1", "kata-sandi-siti-1");

        var row = Assert.Single(await AuditAsync(AuditActions.SignInFailed));
        Assert.Equal("kat…", row.Actor);
        Assert.DoesNotContain("sandi", row.EntityKey + row.Detail + row.Before + row.After);
    }

    [Fact]
    public async Task SignInPosts_OverTheLimitFromOneAddress_Get429_WithRetryAfter_InIndonesian()
    {
        var limit = new SignInLimitOptions().PermitsPerMinute;
        var client = NewBrowserLikeClient("203.0.113.9");
        HttpResponseMessage last = default!;
        for (var i = 0; i <= limit; i++) last = await PostLoginAsync(client, $"nama-{i}", "apa-saja-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero, last.Headers.RetryAfter?.ToString());
        Assert.StartsWith("Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam ", await last.Content.ReadAsStringAsync());
        // The form itself stays reachable, and other addresses are not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/masuk")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(NewBrowserLikeClient("198.51.100.20"), "siti", "kata-sandi-siti-1")).StatusCode);
    }

    public static TheoryData<string> HostileReturnUrls() =>
    [
        "/%09/evil.example", "/%0A/evil.example", "/%0D%0A/evil.example", "%09//evil.example", "//evil.example", "/%5Cevil.example",
        "/%5C%5Cevil.example", "https://evil.example/", "http:evil.example", "javascript:alert(1)", "/%E2%80%8B/evil.example",
        "/%E3%80%80/evil.example", "/%20/evil.example", "evil.example", "", "/x%5C..%5C%5Cevil.example",
    ];

    [Theory]
    [MemberData(nameof(HostileReturnUrls))]
    public async Task CultureSwitch_WithAHostileReturnUrl_RedirectsHome_NeverOffSite_NeverA500(string kembali)
    {
        var response = await NewBrowserLikeClient().GetAsync($"/budaya/en-US?kembali={kembali}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CultureSwitch_WithALocalReturnUrl_GoesBackThere()
    {
        var response = await NewBrowserLikeClient().GetAsync($"/budaya/en-US?kembali={Uri.EscapeDataString("/input?indikator=T1.S1&tw=2")}");

        Assert.Equal("/input?indikator=T1.S1&tw=2", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithAHostileReturnUrl_LandsHome()
    {
        var response = await PostLoginAsync(NewBrowserLikeClient(), "siti", "kata-sandi-siti-1", "/\t/evil.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // siti is an officer: the default landing, inside the site, is Tugas saya (issue 11).
        Assert.Equal(("localhost", "/tugas"), (response.Headers.Location!.Host, response.Headers.Location.PathAndQuery));
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
    public async Task TenConcurrentSubmissions_OfOneSetupLink_CreateExactlyOneAdmin()
    {
        await using var fresh = new AppFactory();
        var setup = fresh.Services.GetRequiredService<UserSetup>();
        var token = await setup.CreateSetupTokenIfNoAdminAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => setup.CompleteSetupAsync(token!, $"admin-{i}", $"Admin {i}", "kata-sandi-kuat-2025"))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("SetupToken", r.Errors.Single().Code));
        using var scope = fresh.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Single(users.Users.ToList());
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
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

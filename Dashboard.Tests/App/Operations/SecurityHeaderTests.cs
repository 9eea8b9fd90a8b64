using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.App.Operations;

/// <summary>Headers on every response, HTTPS outside Development, cookie flags, the Production error page.</summary>
public sealed partial class SecurityHeaderTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Client(string baseAddress = "http://localhost") =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    [Theory]
    [InlineData("/masuk")]
    [InlineData("/")]
    [InlineData("/api/v1/plans/2025")]
    [InlineData("/health/live")]
    [InlineData("/tidak-ada")]
    public async Task EveryResponse_HasTheSecurityHeaders(string path)
    {
        var response = await Client().GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'(;|$)", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task TheImportMap_CarriesThisResponsesNonce_AndEveryResponseHasANewOne()
    {
        var first = await Client().GetAsync("/masuk");
        var second = await Client().GetAsync("/masuk");

        var nonce = Nonce().Match(Assert.Single(first.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        // The attribute is HTML-encoded ("+" as &#x2B;); the browser compares the decoded value.
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync()));
        Assert.NotEqual(nonce, Nonce().Match(Assert.Single(second.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value);
        // No other inline script the policy would block.
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)(?![^>]*type=""importmap"")[^>]*>", await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OutsideDevelopment_HttpsRequests_GetHsts_AndHttpIsRedirectedWhenAnHttpsPortIsKnown()
    {
        var https = await Client("https://renaksi.contoh.go.id").GetAsync("/masuk");
        Assert.StartsWith("max-age=", Assert.Single(https.Headers.GetValues("Strict-Transport-Security")));

        await using var withPort = _app.WithWebHostBuilder(b => b.UseSetting("https_port", "443"));
        var http = await withPort.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://renaksi.contoh.go.id") })
            .GetAsync("/masuk");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, http.StatusCode);
        Assert.Equal("https://renaksi.contoh.go.id/masuk", http.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Cookies_AreHttpOnlyAndLax_AndSecureOverHttps()
    {
        var overHttp = await Client().GetAsync("/masuk");
        var overHttps = await Client("https://renaksi.contoh.go.id").GetAsync("/masuk");

        var plain = Assert.Single(overHttp.Headers.GetValues("Set-Cookie"), c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("httponly", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=", plain, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("samesite=none", plain, StringComparison.OrdinalIgnoreCase);
        var secure = Assert.Single(overHttps.Headers.GetValues("Set-Cookie"), c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("secure", secure, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", secure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProductionErrorPage_IsIndonesian_WithoutFrameworkText()
    {
        var html = await (await Client().GetAsync("/Error")).Content.ReadAsStringAsync();

        Assert.Contains("Maaf, terjadi kesalahan", html);
        Assert.Contains("Kode kejadian", html);
        foreach (var framework in new[] { "Development", "ASPNETCORE", "Exception", "Request ID", "An error occurred" })
        {
            Assert.DoesNotContain(framework, html);
        }
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();
}

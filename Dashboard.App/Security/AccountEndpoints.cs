using Dashboard.App.Audit;
using Dashboard.App.Data;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.App.Security;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with an antiforgery token (validated by UseAntiforgery), so no other site can sign a user out.
        app.MapPost("/akun/keluar", async (SignInManager<AppUser> signIn, AuditLog audit, HttpContext http) =>
        {
            // The middleware only records the check; an endpoint that binds no form must act on it itself.
            if (http.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                return Results.Problem(statusCode: 400, title: "Permintaan tidak sah", detail: "Token formulir tidak valid. Muat ulang halaman lalu coba lagi.");
            }
            var name = http.User.Identity?.Name;
            await signIn.SignOutAsync();
            if (name is not null) await audit.WriteAsync(name, AuditActions.SignOut, "User", name);
            return Results.LocalRedirect("/masuk");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
        // Language choice (id-ID default, en-US second): a cookie read by the request localization, then back to the page.
        app.MapGet("/budaya/{culture}", (string culture, string? kembali, HttpContext http) =>
        {
            if (culture is not ("id-ID" or "en-US")) return Results.BadRequest();
            http.Response.Cookies.Append(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new Microsoft.AspNetCore.Localization.RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(Components.Account.LoginPage.SafeReturnUrl(kembali));
        }).AllowAnonymous();
        return app;
    }
}

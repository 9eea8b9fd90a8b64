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
            var name = http.User.Identity?.Name;
            await signIn.SignOutAsync();
            if (name is not null) await audit.WriteAsync(name, AuditActions.SignOut, "User", name);
            return Results.LocalRedirect("/masuk");
        });
        return app;
    }
}

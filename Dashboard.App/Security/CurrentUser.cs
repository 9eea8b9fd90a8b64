using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.App.Security;

/// <summary>Per circuit: the signed-in user as an <see cref="ActingUser"/>, or anonymous once the session is no longer current.</summary>
public sealed class CurrentUser(AuthenticationStateProvider auth, UserSessions sessions)
{
    public async Task<ActingUser> GetAsync()
    {
        var actor = ActingUser.From((await auth.GetAuthenticationStateAsync()).User);
        return await sessions.IsCurrentAsync(actor) ? actor : ActingUser.Anonymous;
    }
}

using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.App.Security;

/// <summary>Per circuit: the signed-in user as an <see cref="ActingUser"/>.</summary>
public sealed class CurrentUser(AuthenticationStateProvider auth)
{
    public async Task<ActingUser> GetAsync() => ActingUser.From((await auth.GetAuthenticationStateAsync()).User);
}

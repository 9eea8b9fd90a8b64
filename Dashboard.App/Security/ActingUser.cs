using System.Security.Claims;
using Dashboard.Domain.Access;

namespace Dashboard.App.Security;

/// <summary>Who is acting: the signed-in user (or the owner of an API token), with roles, as the services see them.</summary>
public sealed record ActingUser(string Id, string UserName, string DisplayName, IReadOnlySet<string> Roles)
{
    public const string DisplayNameClaim = "display_name";

    public bool IsAuthenticated => Id.Length > 0;

    /// <summary>The security stamp the session was signed in with (null for actors built in process): see <see cref="UserSessions"/>.</summary>
    public string? SecurityStamp { get; init; }

    public bool CanRecordAnywhere => Permissions.CanRecord(Roles.ToList(), assigned: false);

    public static readonly ActingUser Anonymous = new("", "", "Tamu", new HashSet<string>());

    public static ActingUser From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return Anonymous;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = principal.Identity.Name ?? "";
        var display = principal.FindFirstValue(DisplayNameClaim) is { Length: > 0 } d ? d : name;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new ActingUser(id, name, display, roles) { SecurityStamp = principal.FindFirstValue(UserSessions.StampClaim) };
    }

    /// <summary>For tests and the command line: an actor with the given roles.</summary>
    public static ActingUser Of(string name, params string[] roles) => new($"id-{name}", name, name, roles.ToHashSet(StringComparer.Ordinal));
}

namespace Dashboard.Domain.Access;

/// <summary>The five roles and what each may do. Checked on the server for every page, handler, hub method and endpoint.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Planner = "Perencana";
    public const string Head = "KepalaDinas";
    public const string Officer = "Petugas";
    public const string Screen = "Layar";

    public static readonly IReadOnlyList<string> All = [Admin, Planner, Head, Officer, Screen];

    /// <summary>Comma lists for [Authorize(Roles = ...)].</summary>
    public const string Recorders = Admin + "," + Planner + "," + Officer;
    public const string Reviewers = Admin + "," + Planner;
    public const string Overseers = Admin + "," + Planner + "," + Head;

    public static string Label(string role) => role switch
    {
        Admin => "Admin",
        Planner => "Perencana",
        Head => "Kepala Dinas",
        Officer => "Petugas lapangan",
        Screen => "Layar (kiosk/proyektor)",
        _ => role,
    };
}

/// <summary>The permission rules, as plain functions of the user's roles (and assignment where it matters).</summary>
public static class Permissions
{
    /// <summary>Officers record only on indicators assigned to them; planners and admins on any.</summary>
    public static bool CanRecord(IReadOnlyCollection<string> roles, bool assigned) =>
        roles.Contains(Roles.Admin) || roles.Contains(Roles.Planner) || (roles.Contains(Roles.Officer) && assigned);

    public static bool CanReview(IReadOnlyCollection<string> roles) => roles.Contains(Roles.Admin) || roles.Contains(Roles.Planner);

    public static bool CanLockQuarters(IReadOnlyCollection<string> roles) => CanReview(roles);

    public static bool CanManageUsers(IReadOnlyCollection<string> roles) => roles.Contains(Roles.Admin);

    /// <summary>Changing the plan itself (editor, import of a new year or in place, new years) is for admins only.</summary>
    public static bool CanEditPlan(IReadOnlyCollection<string> roles) => roles.Contains(Roles.Admin);

    /// <summary>Downloading the plan with its realisation as .xlsx: the roles that oversee the whole plan.</summary>
    public static bool CanExportPlan(IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Admin) || roles.Contains(Roles.Planner) || roles.Contains(Roles.Head);

    public static bool CanSeeAudit(IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Admin) || roles.Contains(Roles.Planner) || roles.Contains(Roles.Head);

    /// <summary>
    /// Bukti dukung may hold names, signatures and photos of people: planners, the head and admins see all of it; an
    /// officer only that of indicators assigned to them or that they uploaded (<see cref="CanSeeEvidence"/>); the kiosk
    /// screen none.
    /// </summary>
    public static bool CanSeeAllEvidence(IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Admin) || roles.Contains(Roles.Planner) || roles.Contains(Roles.Head);

    public static bool CanSeeEvidence(IReadOnlyCollection<string> roles, bool assignedOrUploader) =>
        CanSeeAllEvidence(roles) || (roles.Contains(Roles.Officer) && assignedOrUploader);

    /// <summary>Verified figures are read-only for officers; planners may still correct them (which asks for a new verification).</summary>
    public static bool CanChangeVerified(IReadOnlyCollection<string> roles) => CanReview(roles);

    /// <summary>Entry windows bind field officers; planners and admins record until a quarter is locked.</summary>
    public static bool BoundByEntryWindow(IReadOnlyCollection<string> roles) => !CanReview(roles);
}

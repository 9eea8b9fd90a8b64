namespace Dashboard.App.Audit;

/// <summary>Indonesian labels for <see cref="AuditActions"/> and the audited entity names, for the audit page and its export.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        [AuditActions.RealisationRecorded] = "Realisasi dicatat",
        [AuditActions.RealisationCorrected] = "Realisasi dikoreksi",
        [AuditActions.NarrativeSaved] = "Narasi disimpan",
        [AuditActions.EvidenceAdded] = "Bukti dukung ditambahkan",
        [AuditActions.Verified] = "Diverifikasi",
        [AuditActions.Returned] = "Dikembalikan untuk perbaikan",
        [AuditActions.QuarterLocked] = "Triwulan dikunci",
        [AuditActions.QuarterReopened] = "Triwulan dibuka kembali",
        [AuditActions.ExceptionGranted] = "Pengecualian batas input",
        [AuditActions.AssignmentAdded] = "Penugasan ditambahkan",
        [AuditActions.AssignmentRemoved] = "Penugasan dihapus",
        [AuditActions.UserCreated] = "Pengguna dibuat",
        [AuditActions.UserChanged] = "Pengguna diubah",
        [AuditActions.RolesChanged] = "Peran pengguna diubah",
        [AuditActions.SignIn] = "Masuk",
        [AuditActions.SignInFailed] = "Gagal masuk",
        [AuditActions.SignOut] = "Keluar",
        [AuditActions.TokenCreated] = "Token API dibuat",
        [AuditActions.TokenRevoked] = "Token API dicabut",
        [AuditActions.PlanChanged] = "Rencana diubah",
        [AuditActions.DecisionAdded] = "Keputusan rapat dicatat",
    };

    // Older writers used English entity names; the page shows them in Indonesian, filters keep the stored value.
    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["User"] = "Pengguna",
        ["ApiToken"] = "Token API",
        ["Assignment"] = "Penugasan",
    };

    /// <summary>The label of an action; an action without one (added later, or retired) shows as stored.</summary>
    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    public static bool HasLabel(string action) => Actions.ContainsKey(action);

    public static string Entity(string entity) => Entities.GetValueOrDefault(entity, entity);
}

namespace Dashboard.App.Plans;

/// <summary>Limits of the plan import; bound from "Dashboard:PlanImport".</summary>
public sealed class PlanImportOptions
{
    public const string SectionName = "Dashboard:PlanImport";
    public const long DefaultMaxBytes = 5 * 1024 * 1024;

    /// <summary>Largest file accepted, in bytes (default 5 MB).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// Largest total size of an .xlsx's parts once unpacked: a small zip can unpack to gigabytes, and the workbook is
    /// read into memory. The default (20 × the file limit) is far above any real plan.
    /// </summary>
    public long MaxUnpackedBytes { get; set; } = 20 * DefaultMaxBytes;

    /// <summary>
    /// Most rows in one sheet of an .xlsx (counted by streaming the sheet before the workbook is loaded): a Renaksi has a
    /// few hundred rows, a million-row workbook would take the whole server's memory to load (the import is tested with 10.000).
    /// </summary>
    public int MaxRows { get; set; } = 50_000;

    /// <summary>Agency of an imported plan whose file does not name it (the plan already stored is preferred).</summary>
    public string DefaultAgency { get; set; } = "Dinas Koperasi dan UKM Kabupaten Purbalingga";
}

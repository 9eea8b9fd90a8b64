namespace Dashboard.App.Evidence;

/// <summary>Where bukti dukung files live and how large they may be; bound from "Dashboard:Evidence".</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Dashboard:Evidence";
    public const string DefaultRoot = "App_Data/evidence";
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Folder for stored files; a relative path is taken relative to the app's content root.</summary>
    public string Root { get; set; } = DefaultRoot;

    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// The absolute evidence folder. Refuses a folder inside wwwroot: uploads must never be served as static files.
    /// </summary>
    public static string ResolveRoot(string? root, string contentRoot)
    {
        var full = Path.TrimEndingDirectorySeparator(
            Path.GetFullPath(string.IsNullOrWhiteSpace(root) ? DefaultRoot : root, contentRoot));
        var webRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath("wwwroot", contentRoot));
        if (string.Equals(full, webRoot, StringComparison.OrdinalIgnoreCase)
            || full.StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{SectionName}:Root '{root}' berada di dalam wwwroot; bukti dukung harus disimpan di luar wwwroot.");
        }
        return full;
    }
}

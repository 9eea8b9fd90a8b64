namespace Dashboard.Tests.TestSupport;

public static class RepoPaths
{
    /// <summary>The folder holding Dashboard.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string SourceDocument => Path.Combine(Root, "docs", "source", "renaksi-2025-dinkop-purbalingga.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}

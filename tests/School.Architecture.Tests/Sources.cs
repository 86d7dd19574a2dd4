namespace School.Architecture.Tests;

/// <summary>Where the source files are, for rules about how the code is laid out.</summary>
internal static class Sources
{
    /// <summary>The folder holding School.sln, found above the test's own folder.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "School.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("School.sln not found above the test's folder.");
    }
}

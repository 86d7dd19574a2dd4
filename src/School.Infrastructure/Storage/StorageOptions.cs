namespace School.Infrastructure.Storage;

/// <summary>Where the service keeps the files it writes (database, generated keys): one data directory.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data directory; relative paths are taken from the working directory. Default <c>./data</c>.</summary>
    public string Root { get; set; } = "./data";

    public string FullRoot => Path.GetFullPath(Root);

    /// <summary>A path inside the data directory, creating the directory if needed.</summary>
    public string PathFor(string relative)
    {
        var full = Path.Combine(FullRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }
}

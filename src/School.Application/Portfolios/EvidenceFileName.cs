using School.Domain.Portfolios;

namespace School.Application.Portfolios;

/// <summary>
/// The name an evidence file is kept and served under: the uploader's name without folders, control characters or
/// quotes, ending in the extension of the type told from its content (a PNG uploaded as <c>notes.html</c> is
/// <c>notes.png</c>), so no program opens it as something it is not. Never empty, never longer than
/// <see cref="PortfolioEvidence.FileNameMaxLength"/>.
/// </summary>
public static class EvidenceFileName
{
    /// <summary>Other extensions that mean the same type, kept as the uploader wrote them.</summary>
    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        [EvidenceTypes.Jpeg.Extension] = [".jpeg", ".jpe"],
        [EvidenceTypes.Ogg.Extension] = [".oga"],
    };

    /// <summary>The name kept for a file of <paramref name="type"/> that the uploader called <paramref name="name"/>.</summary>
    public static string For(string? name, EvidenceType type)
    {
        var clean = Clean(name);
        var dot = clean.LastIndexOf('.');
        var stem = dot > 0 ? clean[..dot] : clean; // ".profile" is a name with no extension
        var extension = dot > 0 ? clean[dot..] : string.Empty;
        if (!IsExtensionOf(extension, type))
        {
            extension = type.Extension;
        }

        if (stem.Trim().Length == 0)
        {
            stem = "evidence";
        }

        var room = PortfolioEvidence.FileNameMaxLength - extension.Length;
        return (stem.Length > room ? stem[..room] : stem) + extension;
    }

    /// <summary>
    /// The name to serve a stored file under: <see cref="For(string?, EvidenceType)"/> for its content type, so files
    /// kept before names followed their type are served right too.
    /// </summary>
    public static string For(string name, string contentType) =>
        EvidenceTypes.ForContentType(contentType) is { } type ? For(name, type) : Clean(name) is { Length: > 0 } clean ? clean : "evidence";

    /// <summary>The last segment of the name, without control characters or quotes; possibly empty.</summary>
    public static string Clean(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        return new string(last.Where(c => !char.IsControl(c) && c != '"').ToArray()).Trim();
    }

    private static bool IsExtensionOf(string extension, EvidenceType type) =>
        string.Equals(extension, type.Extension, StringComparison.OrdinalIgnoreCase)
        || (Synonyms.TryGetValue(type.Extension, out var others) && others.Contains(extension, StringComparer.OrdinalIgnoreCase));
}

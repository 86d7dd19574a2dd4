using School.Domain.Common;

namespace School.Domain.Portfolios;

/// <summary>
/// A file attached to a portfolio entry as evidence. The bytes live in the file store at <see cref="StoragePath"/>;
/// the SHA-256 lets a receiving school check a passport's copy is the same file.
/// </summary>
public sealed class PortfolioEvidence
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;
    public const int StoragePathMaxLength = 300;

    private PortfolioEvidence(
        Guid id, string fileName, string contentType, long sizeBytes, string sha256, string storagePath, DateTimeOffset uploadedAt, Guid uploadedBy)
    {
        Id = id;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        StoragePath = storagePath;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
    }

    public Guid Id { get; private set; }

    /// <summary>The name the file had on the uploader's machine, used when it is downloaded.</summary>
    public string FileName { get; private set; }

    /// <summary>The type decided from the file's content, never from its name.</summary>
    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>The SHA-256 of the bytes, 64 lower-case hex digits.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Where the file store keeps the bytes, relative to its root.</summary>
    public string StoragePath { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The person who uploaded it.</summary>
    public Guid UploadedBy { get; private set; }

    internal static PortfolioEvidence Create(
        Guid id, string fileName, string contentType, long sizeBytes, string sha256, string storagePath, DateTimeOffset uploadedAt, Guid uploadedBy)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("Evidence needs an id.", nameof(id));
        }

        if (sizeBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), sizeBytes, "Evidence is never empty.");
        }

        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A SHA-256 is 64 lower-case hex digits.", nameof(sha256));
        }

        var path = Guard.Text(storagePath, nameof(storagePath), StoragePathMaxLength);
        if (Path.IsPathRooted(path) || path.Split('/', '\\').Contains(".."))
        {
            throw new ArgumentException("A storage path is relative to the store and stays inside it.", nameof(storagePath));
        }

        return new PortfolioEvidence(
            id,
            Guard.Text(fileName, nameof(fileName), FileNameMaxLength),
            Guard.Text(contentType, nameof(contentType), ContentTypeMaxLength),
            sizeBytes,
            sha256,
            path,
            uploadedAt,
            uploadedBy);
    }
}

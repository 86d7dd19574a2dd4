namespace School.Application.Common.Abstractions;

/// <summary>A file kept by the store: where (relative to the store), its SHA-256 (lower-case hex) and its length.</summary>
public sealed record StoredFile(string Path, string Sha256, long SizeBytes);

/// <summary>
/// Where uploaded files (portfolio evidence) are kept, outside the database. Today a directory under the data
/// directory; an S3-compatible store can implement the same three operations.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Copies <paramref name="content"/> into the store, hashing and counting it on the way. Returns null, keeping
    /// nothing, when the content turns out longer than <paramref name="maxBytes"/>.
    /// </summary>
    Task<StoredFile?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Reads a stored file; the caller disposes the stream.</summary>
    Stream OpenRead(string path);

    /// <summary>Removes a stored file (after a save that did not complete); a missing file is not an error.</summary>
    void Delete(string path);
}

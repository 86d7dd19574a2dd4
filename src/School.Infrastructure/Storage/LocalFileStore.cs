using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using School.Application.Common.Abstractions;

namespace School.Infrastructure.Storage;

/// <summary>
/// Keeps uploaded files under <c>&lt;Storage:Root&gt;/evidence/</c>, one file per upload under a random name (two uploads
/// of the same bytes are two files, so removing one never touches the other). Paths handed out are relative to the
/// data directory and use '/'.
/// </summary>
internal sealed class LocalFileStore(IOptions<StorageOptions> options) : IFileStore
{
    public const string Folder = "evidence";

    private const int BufferSize = 81920;

    public async Task<StoredFile?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var name = Guid.NewGuid().ToString("N");
        var relative = $"{Folder}/{name[..2]}/{name}";
        var full = options.Value.PathFor(relative);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var complete = false;
        try
        {
            await using (var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return null;
                    }

                    sha256.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            complete = true;
            return new StoredFile(relative, Convert.ToHexStringLower(sha256.GetHashAndReset()), size);
        }
        finally
        {
            if (!complete)
            {
                File.Delete(full);
            }
        }
    }

    public Stream OpenRead(string path) =>
        new FileStream(FullPath(path), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);

    public void Delete(string path) => File.Delete(FullPath(path));

    /// <summary>The file's place on disk; a path that would lead outside the evidence folder is a bug, not a file.</summary>
    private string FullPath(string path)
    {
        var folder = Path.GetFullPath(Path.Combine(options.Value.FullRoot, Folder)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(options.Value.FullRoot, path));
        return Path.IsPathRooted(path) || !full.StartsWith(folder, StringComparison.Ordinal)
            ? throw new ArgumentException("A stored file's path is relative to the store and stays inside it.", nameof(path))
            : full;
    }
}

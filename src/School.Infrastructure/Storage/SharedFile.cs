namespace School.Infrastructure.Storage;

/// <summary>Files that several instances sharing one data directory may try to create at the same moment.</summary>
internal static class SharedFile
{
    /// <summary>
    /// The file's content, creating it from <paramref name="create"/> if it does not exist. The first writer wins: the
    /// content is written to a private temporary file and moved into place only if nothing is there yet, so no
    /// instance ever reads a half-written file or overwrites another's (a generated key, say).
    /// </summary>
    public static string ReadOrCreate(string path, Func<string> create)
    {
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, create());
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first: use theirs.
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        return File.ReadAllText(path);
    }
}

namespace Breakaway.Web.Data;

/// <summary>
/// The database, its backups and its lock file hold every patient's record and the key ring, so they are created
/// readable and writable by their owner only (0600), whatever the process's umask. SQLite gives the <c>-wal</c>,
/// <c>-shm</c> and <c>-journal</c> files it makes the mode of the database file, so creating that file first is enough.
/// On Windows the folder's access rules apply instead.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates an empty file with mode 0600 when it does not exist (an empty file is an empty SQLite database).</summary>
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Mode });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance starting at the same moment created it first, with the same mode.
        }
    }

    /// <summary>Tightens existing files to 0600: a database made by an older release, or by someone with a wider umask.</summary>
    public static void Restrict(params IEnumerable<string> paths)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in paths.Where(File.Exists))
        {
            if (File.GetUnixFileMode(path) != Mode)
            {
                File.SetUnixFileMode(path, Mode);
            }
        }
    }

    /// <summary>Opens (creating with mode 0600 if missing) a file stream; used for the lock file.</summary>
    public static FileStream Open(string path, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        return new FileStream(path, options);
    }
}

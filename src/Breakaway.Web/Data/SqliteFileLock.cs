namespace Breakaway.Web.Data;

/// <summary>
/// An advisory lock on <c>&lt;database&gt;.lock</c> beside the SQLite file. The site holds it shared for as long as
/// it runs (several instances may share it); <c>restore</c> needs it exclusively, so it refuses to replace the file
/// under a running site. The operating system drops the lock when the process ends, even when it is killed.
/// </summary>
public sealed class SqliteFileLock(DataConnection connection) : IDisposable
{
    private FileStream? _held;

    public string? LockPath => connection.SqliteFile is { } file ? file + ".lock" : null;

    /// <summary>Taken by the site at start-up. Fails with a clear message while a restore is under way.</summary>
    public void HoldShared()
    {
        if (LockPath is null || _held is not null)
        {
            return;
        }

        try
        {
            // Read access and shared writes make .NET take a shared lock (flock LOCK_SH) on Unix.
            _held = OwnerOnlyFiles.Open(LockPath, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"The database {connection.SqliteFile} is being restored. Start the site when the restore has finished.", ex);
        }
    }

    /// <summary>Taken by <c>restore</c>; false while any instance of the site runs on this file.</summary>
    public bool TryHoldExclusive()
    {
        if (LockPath is null)
        {
            return false;
        }

        try
        {
            _held = OwnerOnlyFiles.Open(LockPath, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose() => _held?.Dispose();
}

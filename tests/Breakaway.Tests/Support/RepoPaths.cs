namespace Breakaway.Tests.Support;

public static class RepoPaths
{
    /// <summary>The repository root, found by walking up from the test binaries to Breakaway.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Breakaway.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Breakaway.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace Breakaway.Tests.Support;

/// <summary>A throw-away content folder with a <c>tips</c> subfolder, deleted on dispose.</summary>
public sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "breakaway-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(TipsPath);
    }

    public string Path { get; }

    public string TipsPath => System.IO.Path.Combine(Path, "tips");

    public TempContent Add(string slug, string markdown)
    {
        File.WriteAllText(System.IO.Path.Combine(TipsPath, slug + ".md"), markdown);
        return this;
    }

    public static string Article(string title, string published = "2026-11-01", string tags = "[general]", string body = "Some words here.", string extra = "") =>
        $"---\ntitle: {title}\nsummary: Summary of {title}.\npublished: {published}\ntags: {tags}\n{extra}---\n\n{body}\n";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the OS temp cleaner will get it.
        }
    }
}

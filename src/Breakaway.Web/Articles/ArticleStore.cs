using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Breakaway.Web.Articles;

/// <summary>
/// Holds the current <see cref="ArticleCatalog"/> and reloads it when files in the content folder change.
/// A broken file is skipped with one warning; it never takes the site down.
/// </summary>
public sealed partial class ArticleStore : IDisposable
{
    private readonly ArticleLoader _loader;
    private readonly ILogger<ArticleStore> _logger;
    private readonly string _contentPath;
    private readonly TimeSpan _reloadDelay;
    private readonly PhysicalFileProvider? _files;
    private readonly IDisposable? _watch;
    private readonly Lock _reloadLock = new();
    private ArticleCatalog _catalog = ArticleCatalog.Empty;
    private int _reloadPending;

    public ArticleStore(ArticleLoader loader, IOptions<ArticleOptions> options, IHostEnvironment environment, ILogger<ArticleStore> logger)
    {
        _loader = loader;
        _logger = logger;
        _contentPath = options.Value.ResolvePath(environment.ContentRootPath);
        _reloadDelay = TimeSpan.FromMilliseconds(options.Value.ReloadDelayMilliseconds);

        Reload();

        if (Directory.Exists(_contentPath))
        {
            _files = new PhysicalFileProvider(_contentPath);
            // The whole folder: /admin/content lists every file in it, not only the tips.
            _watch = ChangeToken.OnChange(() => _files.Watch("**/*"), ScheduleReload);
        }
    }

    public ArticleCatalog Current => Volatile.Read(ref _catalog);

    public string ContentPath => _contentPath;

    /// <summary>Raised after a reload swapped in a new catalog (used to drop cached pages).</summary>
    public event Action? Changed;

    public void Reload()
    {
        lock (_reloadLock)
        {
            var catalog = _loader.Load(_contentPath);
            foreach (var problem in catalog.Problems)
            {
                LogSkipped(problem.File, problem.Line, problem.Reason);
            }

            foreach (var problem in catalog.Warnings)
            {
                LogPictureLeftOut(problem.File, problem.Line, problem.Reason);
            }

            Volatile.Write(ref _catalog, catalog);
            LogLoaded(catalog.All.Count, catalog.Problems.Count, _contentPath);
        }

        Changed?.Invoke();
    }

    private void ScheduleReload()
    {
        // Editors save in bursts (temp file, rename, touch); coalesce them into one reload.
        if (Interlocked.Exchange(ref _reloadPending, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(_reloadDelay);
            Interlocked.Exchange(ref _reloadPending, 0);
            try
            {
                Reload();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogReloadFailed(ex);
            }
        });
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _files?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped article {File}:{Line}: {Reason}")]
    private partial void LogSkipped(string file, int line, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Picture left out {File}:{Line}: {Reason}")]
    private partial void LogPictureLeftOut(string file, int line, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {ArticleCount} articles ({ProblemCount} skipped) from {ContentPath}")]
    private partial void LogLoaded(int articleCount, int problemCount, string contentPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading articles failed; the previous set stays live")]
    private partial void LogReloadFailed(Exception exception);
}

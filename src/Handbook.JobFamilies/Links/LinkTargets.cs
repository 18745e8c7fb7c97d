namespace Handbook.JobFamilies.Links;

/// <summary>
/// Everything a link may point at: the root-relative (decoded) path of every generated file, and for HTML pages
/// their anchors (every <c>id</c> and <c>&lt;a name&gt;</c>), computed only when a link asks for them. A pretty
/// page <c>/a/b/</c> is also reachable as <c>/a/b/index.html</c>. Built by the app from the generated documents.
/// </summary>
public sealed class LinkTargets
{
    private readonly Dictionary<string, Lazy<IReadOnlySet<string>>?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byLowerCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _pages = [];

    /// <summary>Adds a generated HTML page at <paramref name="url"/> (e.g. <c>/job-families/a/</c> or <c>/404.html</c>).</summary>
    public void AddPage(string url, Func<IReadOnlySet<string>> anchors)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(anchors);
        var lazy = new Lazy<IReadOnlySet<string>>(anchors);
        Add(url, lazy);
        if (url.EndsWith('/'))
        {
            Add(url + "index.html", lazy);
            _pages.Add(url);
        }
    }

    /// <summary>Adds a generated file that has no anchors (JSON, image, stylesheet …).</summary>
    public void AddFile(string path) => Add(path, null);

    /// <summary>The pretty URLs of the HTML pages, for "did you mean".</summary>
    public IReadOnlyList<string> Pages => _pages;

    public bool Exists(string path) => _files.ContainsKey(path);

    /// <summary>The path of a generated file that differs from <paramref name="path"/> only in letter case, or null.</summary>
    public string? FindIgnoringCase(string path) => _byLowerCase.GetValueOrDefault(path);

    /// <summary>The anchors of the page at <paramref name="path"/>; null when it is not an HTML page.</summary>
    public IReadOnlySet<string>? AnchorsOf(string path) =>
        _files.TryGetValue(path, out var anchors) && anchors is not null ? anchors.Value : null;

    private void Add(string path, Lazy<IReadOnlySet<string>>? anchors)
    {
        _files[path] = anchors;
        _byLowerCase.TryAdd(path, path);
    }
}

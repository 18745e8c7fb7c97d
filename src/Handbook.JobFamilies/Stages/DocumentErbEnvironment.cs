namespace Handbook.JobFamilies.Stages;

using System.Collections.Concurrent;
using Handbook.JobFamilies.Erb;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Documents;

/// <summary>
/// What ERB in one page may see, answered from the documents already read: the pages below a folder (for
/// <c>job_families</c>) and the text of partials. Records which folders the page listed, so the theme can leave
/// out its own list of the same families.
/// </summary>
internal sealed class DocumentErbEnvironment(IReadOnlyDictionary<string, Document> files, IReadOnlyList<FamilyLinkSource> pages) : IErbEnvironment
{
    private readonly ConcurrentBag<string> _listed = [];
    private readonly ConcurrentBag<string> _used = [];

    public IReadOnlyList<string> ListedFolders => _listed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The source paths of the partials read and the pages listed: what the expansion depends on.</summary>
    public IReadOnlyList<string> UsedFiles => _used.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<FamilyLink> FamiliesIn(string folder)
    {
        var prefix = folder.Trim('/') + "/";
        _listed.Add(folder.Trim('/'));
        var listed = pages.Where(p => p.Slug.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        foreach (var page in listed)
        {
            _used.Add(page.SourcePath);
        }

        return listed.Select(p => new FamilyLink(p.Title, FamilyPath.UrlOf(p.Slug))).ToList();
    }

    public bool TryReadInclude(string inputRelativePath, out string text)
    {
        // A page is no include, even when its name starts with '_' (Hugo's _index.md): its text is not kept for this.
        if (files.TryGetValue(inputRelativePath, out var document) && !document.IsBinary && !document.Metadata.Contains(JobFamilyKeys.PathInfo))
        {
            _used.Add(document.SourcePath);
            text = document.Content;
            return true;
        }

        text = string.Empty;
        return false;
    }
}

/// <summary>A page as ERB's <c>job_families</c> lists it, known before the page is parsed: slug and front-matter title.</summary>
internal sealed record FamilyLinkSource(string SourcePath, string Slug, string Title);

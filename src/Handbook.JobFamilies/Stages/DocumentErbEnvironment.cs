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

    public IReadOnlyList<string> ListedFolders => _listed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<FamilyLink> FamiliesIn(string folder)
    {
        var prefix = folder.Trim('/') + "/";
        _listed.Add(folder.Trim('/'));
        return pages
            .Where(p => p.Slug.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => new FamilyLink(p.Title, FamilyPath.UrlOf(p.Slug)))
            .ToList();
    }

    public bool TryReadInclude(string inputRelativePath, out string text)
    {
        if (files.TryGetValue(inputRelativePath, out var document) && !document.IsBinary)
        {
            text = document.Content;
            return true;
        }

        text = string.Empty;
        return false;
    }
}

/// <summary>A page as ERB's <c>job_families</c> lists it, known before the page is parsed: slug and front-matter title.</summary>
internal sealed record FamilyLinkSource(string Slug, string Title);

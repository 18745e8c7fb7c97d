namespace Handbook.Site.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Stages;
using Handbook.JobFamilies.Versions.Diff;
using Handbook.Pipeline.Documents;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;

/// <summary>
/// The current build's input texts and rendered pages, so a version that would render exactly like the current page
/// (typically each family's newest version: the same page text, grade data and partials as the working tree, and the
/// same texts of the pages its "extends" statements expand) takes the current page's result instead of being
/// rendered a second time. Texts are compared through <see cref="TextFingerprint"/>s: a one-shot build records them
/// (<see cref="RecordSourceTexts"/>) before it lets the page texts go; a build that keeps the texts has none recorded
/// and the kept texts are fingerprinted here. Bodies are read through <see cref="RenderedBody"/> (UTF-8 in one-shot builds).
/// </summary>
public sealed class CurrentPages
{
    private const string GradeDataPath = "data/job-grades.yml";

    private readonly HistorySession _session;
    private readonly PageViews _views;
    // The current texts by path, as fingerprints (RecordSourceTexts): one-shot builds empty the page texts once read
    // (ReadFrontMatter).
    private readonly Dictionary<string, TextFingerprint> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Document> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pageByUrl = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _partials;
    // The grade table the current pages were graded with (null without grade data).
    private readonly GradeTable? _gradeTable;

    public CurrentPages(IReadOnlyList<Document> documents, HistorySession session, PageViews views)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _session = session;
        _views = views;
        foreach (var document in documents)
        {
            if (document.IsBinary || !HistoricInputFiles.Includes(document.SourcePath))
            {
                continue;
            }

            _texts.TryAdd(document.SourcePath, document.TryGet(VersionKeys.SourceText, out var text) ? text : TextFingerprint.Of(document.Content));
            if (string.Equals(document.SourcePath, GradeDataPath, StringComparison.Ordinal) && document.TryGet(JobFamilyKeys.GradeTable, out var table))
            {
                _gradeTable = table;
            }

            if (document.Metadata.Contains(JobFamilyKeys.Family) && document.Metadata.Contains(JobFamilyKeys.BodyHtml))
            {
                _pages.TryAdd(document.SourcePath, document);
                _pageByUrl.TryAdd(FamilyLookup.Normalize(document.Get(JobFamilyKeys.Family).Url), document.SourcePath);
            }
        }

        _partials = _texts.Keys.Where(HistoricInputFiles.IsPartial).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The current page's content when every input of the version equals the current input – or, for the grade data,
    /// answers every grade lookup of the page and the pages expanded into it alike (<see cref="GradeLookupAgreement"/>,
    /// with the version's table from <paramref name="gradeTables"/>; without it the grade data must be the same text);
    /// else null.
    /// </summary>
    public HistoricContent? Reuse(VersionInputs inputs, HistoricGradeTables? gradeTables = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!_pages.TryGetValue(inputs.PagePath, out var page)
            || !Same(inputs.PagePath, inputs.PageBlob)
            || ExpandedFrom(inputs) is not { } expanded
            || (expanded.Any(IsErb) && !SamePartials(inputs))
            || !(SameGradeData(inputs) || AgreeingGrades(inputs, expanded, gradeTables)))
        {
            return null;
        }

        var family = page.Get(JobFamilyKeys.Family);

        // A body kept as UTF-8 (one-shot builds) goes to the version page as its bytes, as RenderTheme gives it to the
        // current page, not decoded into a string first.
        byte[]? utf8 = null;
        string body;
        if (RenderedBody.TryGetUtf8(page, out var kept))
        {
            utf8 = kept;
            body = string.Empty;
        }
        else
        {
            RenderedBody.TryGet(page, out body);
        }

        var unknown = inputs.GradeDataBlob is null
            ? []
            : family.Roles.Where(r => r.Grade is { Resolved: false }).Select(r => r.Grade!.Value).Distinct(StringComparer.Ordinal).ToList();
        // A version page has no family pager, whether it is taken from the current page or rendered (HistoricBuild):
        // its previous and next families would be today's neighbours, not the version's, and a page must not look
        // different because of how the build got it.
        var view = _views.FamilyOf(FamilyCatalog.Entry(page, family, body)) with
        {
            Children = [],
            History = null,
            BodyHtmlUtf8 = utf8,
            Previous = null,
            Next = null,
        };

        return new HistoricContent(
            view,
            MermaidBlocks.Any(family),
            VersionModelMapper.From(family),
            unknown);
    }

    // The page's text is the current one, so it links the same URLs. Its expansion is the same when every page the
    // current build expanded into it (transitively, through the current models' extends links) is among the linked
    // pages of the commit with the same text, and every page linked at the commit still exists (a link that
    // resolved then and not now would render differently).
    // Returns the page and the pages expanded into it, or null when the expansion may differ.
    private HashSet<string>? ExpandedFrom(VersionInputs inputs)
    {
        // Loops, not LINQ, over the (path, blob) tuples: generic code over value types is JIT work in every build.
        var linked = new Dictionary<string, string>(inputs.Dependencies.Count, StringComparer.Ordinal);
        foreach (var (path, blob) in inputs.Dependencies)
        {
            if (!_texts.ContainsKey(path))
            {
                return null;
            }

            linked.Add(path, blob);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { inputs.PagePath };
        var pending = new Stack<string>([inputs.PagePath]);
        while (pending.Count > 0)
        {
            var family = _pages[pending.Pop()].Get(JobFamilyKeys.Family);
            foreach (var link in family.Roles.SelectMany(r => r.Extends))
            {
                if (!FamilyLookup.IsFamilyUrl(link.Url) || !_pageByUrl.TryGetValue(FamilyLookup.Normalize(link.Url), out var target) || !seen.Add(target))
                {
                    continue;
                }

                if (!linked.TryGetValue(target, out var blob) || !Same(target, blob) || !_pages.ContainsKey(target))
                {
                    return null;
                }

                pending.Push(target);
            }
        }

        return seen;
    }

    // The version's grade data is the current text (or neither has any).
    private bool SameGradeData(VersionInputs inputs) =>
        inputs.GradeDataBlob is null ? !_texts.ContainsKey(GradeDataPath) : Same(GradeDataPath, inputs.GradeDataBlob);

    // Both have grade data, of other texts, and the version's table answers every lookup the current render of the
    // page and of each page expanded into it made (recorded by the grade resolver; a page whose lookups are not known –
    // restored from the build cache – is not reused) as the current table did.
    private bool AgreeingGrades(VersionInputs inputs, HashSet<string> expanded, HistoricGradeTables? gradeTables)
    {
        if (inputs.GradeDataBlob is null || gradeTables is null || _gradeTable is null || _session.ReadText(inputs.GradeDataBlob) is not { } text)
        {
            return false;
        }

        var lookups = new List<GradeLookups>(expanded.Count);
        foreach (var path in expanded)
        {
            if (_pages[path].Get(JobFamilyKeys.Family).GradeLookups is not { } pageLookups)
            {
                return false;
            }

            lookups.Add(pageLookups);
        }

        return GradeLookupAgreement.Agree(_gradeTable, gradeTables.Of(GradeDataPath, text), lookups);
    }

    // Partials matter only where ERB is expanded: the commit's partials must be the current ones, text for text.
    private bool SamePartials(VersionInputs inputs)
    {
        if (inputs.Partials.Count != _partials.Count)
        {
            return false;
        }

        for (var i = 0; i < _partials.Count; i++)
        {
            if (!string.Equals(inputs.Partials[i].Path, _partials[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var (path, blob) in inputs.Partials)
        {
            if (!Same(path, blob))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsErb(string path) => path.EndsWith(".erb", StringComparison.Ordinal);

    private TextFingerprint? ReadFingerprint(string blob) => _session.ReadText(blob) is { } decoded ? TextFingerprint.Of(decoded) : null;

    private bool Same(string path, string blob) =>
        _texts.TryGetValue(path, out var current) && current.Equals(TextOf(blob));

    // Each blob's fingerprint once a build (a linked page is compared for every version that links it), and across
    // builds under --cache (HistoryFacts): reading the blob is a libgit2 read and inflate.
    private TextFingerprint? TextOf(string blob) => _session.Facts.FingerprintOf(blob, ReadFingerprint);
}

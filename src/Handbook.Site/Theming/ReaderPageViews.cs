namespace Handbook.Site.Theming;

using System.Globalization;
using Fluid;
using Handbook.JobFamilies.Model;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Compare;
using Handbook.Site.Export;
using Handbook.Site.Ladder;
using Handbook.Site.Theming.Views;
using Handbook.Site.Urls;

/// <summary>
/// The view objects of the reader pages (search results, career ladder per department, compare levels per
/// family), built from the model like <see cref="PageViews"/> builds the others; their page chrome (breadcrumbs,
/// canonical URL) extends the family's or department's own.
/// </summary>
public sealed class ReaderPageViews(FamilyCatalog catalog, SiteSettings settings)
{
    public const string SearchUrl = "/job-families/search/";

    private readonly PageViews _pages = new(catalog, settings);

    public SiteView Site => _pages.Site;

    /// <summary>Registers the view types with a theme's member access (templates only read registered types).</summary>
    public static void Register(MemberAccessStrategy strategy)
    {
        ViewMemberAccessors.RegisterReaderViews(strategy);

        // Values one compare page shares between its rows and cells (CompareRows), instead of one wrapper per read.
        strategy.Register<CompareRowView, object?>("has", static (row, context) => row.SharedHas is { } has ? has.ValueFor(context) : row.Has);
        strategy.Register<CompareRowView, object?>("cells", static row => (object?)row.SharedCells ?? row.Cells);
        strategy.Register<CompareCellView, object?>("inherited_from", static cell => (object?)cell.InheritedFromValue ?? cell.InheritedFrom);
    }

    /// <summary>The URL of a family's compare page, or null when it has fewer than two levels to compare.</summary>
    public static string? CompareUrlOf(JobFamily family) => family.Levels.Count >= 2 ? family.Url + "compare/" : null;

    /// <summary>The URL of a department's ladder page.</summary>
    public static string LadderUrlOf(Department department) => department.Url + "ladder/";

    public PageView SearchPage() =>
        new("Search", "Search the job families by role, level, grade or responsibility.", SearchUrl, UrlPath.Absolute(settings.BaseUrl, SearchUrl), [new LinkView(settings.Title, PageViews.SectionUrl), new LinkView("Search", null)]);

    public PageView ComparePage(JobFamily family)
    {
        var url = CompareUrlOf(family) ?? family.Url;
        return Below(_pages.TrailOf(family), family.Url, "Compare levels", $"{family.Title}: compare levels", url);
    }

    public PageView LadderPage(Department department) =>
        Below(_pages.TrailOf(department), department.Url, "Career ladder", $"{department.Title}: career ladder", LadderUrlOf(department));

    public ComparePageView CompareOf(JobFamily family)
    {
        var levels = family.Levels.Select((r, i) => LevelOf(family, r, i + 1)).ToList();
        var pairs = new List<ComparePairView>();
        for (var i = 0; i < levels.Count; i++)
        {
            for (var j = i + 1; j < levels.Count; j++)
            {
                pairs.Add(new ComparePairView(PairId(levels[i].Column, levels[j].Column), levels[i], levels[j]));
            }
        }

        var choices = levels
            .Select(level => new CompareChoiceView(
                level,
                pairs.Where(p => p.Left == level || p.Right == level)
                    .Select(p => new LinkView(p.Left == level ? p.Right.Name : p.Left.Name, "#" + p.Id))
                    .ToList()))
            .ToList();
        var matrix = LevelMatrix.Of(family.Levels);
        var rows = new CompareRows(family);
        var sections = matrix.Sections
            .Select(s => new CompareSectionView(TitleOf(s.Kind), rows.Of(s.Rows)))
            .ToList();
        return new ComparePageView(family.Title, UrlPath.Encode(family.Url), levels, pairs, choices, sections);
    }

    public LadderPageView LadderOf(Department department)
    {
        var ladder = DepartmentLadder.Of(department);
        return new LadderPageView(
            department.Title,
            UrlPath.Encode(department.Url),
            ladder.Families.Select(LadderFamilyOf).ToList());
    }

    /// <summary>The anchor that selects a pair of columns: <c>compare-2-4</c> (numbers keep it a safe CSS selector).</summary>
    public static string PairId(int leftColumn, int rightColumn) =>
        string.Create(CultureInfo.InvariantCulture, $"compare-{leftColumn}-{rightColumn}");

    private static LadderFamilyView LadderFamilyOf(LadderFamily entry)
    {
        var family = entry.Entry.Family;
        var range = entry.LowestGrade is null ? null
            : entry.LowestGrade == entry.HighestGrade ? Text(entry.LowestGrade.Value)
            : Text(entry.LowestGrade.Value) + "–" + Text(entry.HighestGrade!.Value);
        return new LadderFamilyView(
            family.Title,
            UrlPath.Encode(family.Url),
            family.Description,
            range,
            entry.Levels.Select(r => new LadderLevelView(r.Name, AnchorUrl(family, r), GradeOf(r))).ToList(),
            entry.Specialties.Select(r => new LadderLevelView(r.Name, AnchorUrl(family, r), GradeOf(r))).ToList(),
            CareerLinksOf(family),
            CompareUrlOf(family) is { } compare ? UrlPath.Encode(compare) : null);
    }

    /// <summary>The Career Ladder links that lead elsewhere (links within the family's own page say nothing on a ladder of families).</summary>
    private static List<LinkView> CareerLinksOf(JobFamily family)
    {
        var own = UrlPath.Encode(family.Url);
        return CareerLadderLinks.Of(family)
            .Select(l => new LinkView(l.Text, Resolve(family.Url, l.Url)))
            .Where(l => !string.Equals(l.Url!.Split('#')[0], own, StringComparison.Ordinal))
            .DistinctBy(l => l.Url)
            .ToList();
    }

    private static CompareLevelView LevelOf(JobFamily family, Role role, int column) =>
        new(role.Name, role.Anchor, AnchorUrl(family, role), GradeOf(role), column);

    private static string AnchorUrl(JobFamily family, Role role) =>
        UrlPath.Encode(role.Anchor.Length == 0 ? family.Url : family.Url + "#" + role.Anchor);

    private static GradeView? GradeOf(Role role) =>
        role.Grade is not { } grade ? null
            : new GradeView(grade.Value, grade.Title, grade.Track, grade.Url is null ? null : UrlPath.Encode(grade.Url), grade.Resolved);

    private static string TitleOf(SectionKind kind) => kind switch
    {
        SectionKind.Responsibilities => "Responsibilities",
        SectionKind.Requirements => "Requirements",
        SectionKind.NiceToHaves => "Nice-to-haves",
        SectionKind.PerformanceIndicators => "Performance indicators",
        _ => kind.ToString(),
    };

    /// <summary>A link as written on a family page, made to work from another page: "#x" and relative paths resolve against the family URL.</summary>
    internal static string Resolve(string familyUrl, string url)
    {
        if (url.StartsWith('/') || Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return url.StartsWith('/') ? UrlPath.Encode(url) : url;
        }

        var resolved = new Uri(new Uri("http://site" + familyUrl), url);
        return UrlPath.Encode(resolved.AbsolutePath) + resolved.Fragment;
    }

    private static string Text(decimal grade) => grade.ToString(CultureInfo.InvariantCulture);

    /// <summary>A page below <paramref name="parent"/>: its crumbs with the parent linked, then this page.</summary>
    private PageView Below(PageView parent, string parentUrl, string crumb, string title, string url)
    {
        var crumbs = parent.Breadcrumbs.Take(parent.Breadcrumbs.Count - 1)
            .Append(new LinkView(parent.Title, UrlPath.Encode(parentUrl)))
            .Append(new LinkView(crumb, null))
            .ToList();
        return new PageView(title, parent.Description, UrlPath.Encode(url), UrlPath.Absolute(settings.BaseUrl, url), crumbs);
    }
}

namespace Handbook.JobFamilies.Grades;

using Handbook.JobFamilies.Markdown;
using Handbook.Pipeline.Collections;

/// <summary>
/// The grade data (<c>input/data/job-grades.yml</c>): title tracks and grades. Lookups compare ids numerically.
/// The general track always exists and comes first.
/// </summary>
public sealed class GradeTable
{
    public const string GeneralTrackId = "general";

    /// <summary>The URL of the grades page; grade links are rewritten to it with <c>#grade-&lt;id&gt;</c>.</summary>
    public const string PageUrl = "/handbook/total-rewards/compensation/compensation-calculator/";

    /// <summary>The anchor of the whole grade table on that page (kept for old links).</summary>
    public const string TableAnchor = "gitlab-job-grades";

    /// <summary>
    /// The anchor of the general table's own heading ("Job Grades", right under "GitLab Job Grades"): a link to it is
    /// a link to the grade table like <see cref="TableAnchor"/>. Until the twenty-first session it was reported as an
    /// anchor that does not exist (GRADE005), but both the Middleman-era and the Hugo-era page have that heading.
    /// </summary>
    public const string GeneralTableAnchor = "job-grades";

    private readonly Dictionary<GradeId, Grade> _byId;

    public GradeTable(IEnumerable<GradeTrack> tracks, IEnumerable<Grade> grades, string? importedFrom = null)
    {
        var trackList = tracks.ToList();
        if (!trackList.Any(t => t.Id == GeneralTrackId))
        {
            trackList.Insert(0, GradeTrack.General);
        }

        Tracks = trackList;
        // A stable sort by a comparison, not OrderBy(g => g.Id): LINQ's sorter over the GradeId key is JIT-compiled in
        // every build (see StableSort).
        Grades = StableSort.ToSortedList(grades, ById);
        _byId = [];
        foreach (var g in Grades)
        {
            _byId.TryAdd(g.Id, g);
        }

        ImportedFrom = importedFrom;
    }

    /// <summary>Ascending grade ids; grades with equal ids ("9.5", "9.50") keep their order.</summary>
    public static int ById(Grade x, Grade y) => x.Id.CompareTo(y.Id);

    public static GradeTable Empty { get; } = new([], []);

    public IReadOnlyList<GradeTrack> Tracks { get; }

    /// <summary>The grades in ascending numeric order.</summary>
    public IReadOnlyList<Grade> Grades { get; }

    /// <summary>What the table was imported from (written into the data file's header), if known.</summary>
    public string? ImportedFrom { get; }

    public static string UrlOf(GradeId id) => PageUrl + "#" + id.Anchor;

    public Grade? Find(GradeId id) => _byId.GetValueOrDefault(id);

    public Grade? Find(string id) => GradeId.TryParse(id, out var parsed) ? Find(parsed) : null;

    public GradeTrack? FindTrack(string id) => Tracks.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The track a calculator-page anchor names: by id (<c>#customer-success</c>), else by the anchor of the heading
    /// over the track's table – its name's heading id, as Hugo and kramdown make it ("Sales/Sales Development" →
    /// <c>#salessales-development</c>, the anchor GitLab's Hugo-era calculator page has for that table).
    /// </summary>
    public GradeTrack? FindTrackByAnchor(string anchor) =>
        FindTrack(anchor) ?? Tracks.FirstOrDefault(t => string.Equals(KramdownIds.Generate(t.Name), anchor, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The grades numerically closest to <paramref name="value"/> on each side (the next lower and the next higher
    /// id), used for "nearest grades: 9, 10" hints.
    /// </summary>
    public IReadOnlyList<Grade> Nearest(decimal value)
    {
        var below = Grades.LastOrDefault(g => g.Id.Value < value);
        var above = Grades.FirstOrDefault(g => g.Id.Value > value);
        return new[] { below, above }.Where(g => g is not null).Select(g => g!).ToList();
    }
}

namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Markdig;
using Markdig.Syntax;

/// <summary>
/// Builds job families in memory for the grade tests without the page parser: every heading of
/// <c>roleLevel</c> becomes a level role running to the next heading of that level or higher.
/// </summary>
internal static class TestFamilies
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public const string Path = "job-families/finance/payroll.md";

    public static JobFamily Family(string markdown, int roleLevel = 3, string department = "finance", IDictionary<string, object?>? frontMatter = null, SourceMap? sourceMap = null, FrontMatter? readFrontMatter = null)
    {
        var body = Markdown.Parse(markdown, Pipeline);
        var family = new JobFamily
        {
            SourcePath = Path,
            Slug = "finance/payroll",
            Department = department,
            Url = "/job-families/finance/payroll/",
            IsDepartmentIndex = false,
            Title = "Payroll",
            FrontMatter = readFrontMatter ?? new FrontMatter { Values = new Dictionary<string, object?>(frontMatter ?? new Dictionary<string, object?>()) },
            Body = body,
            SourceMap = sourceMap ?? new SourceMap(Path),
        };

        var lineCount = markdown.Split('\n').Length;
        var headings = body.Descendants<HeadingBlock>().ToList();
        foreach (var heading in headings.Where(h => h.Level == roleLevel))
        {
            var next = headings.FirstOrDefault(h => h.Line > heading.Line && h.Level <= roleLevel);
            var name = string.Concat(heading.Inline!.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString())).Trim();
            family.Levels.Add(new Role
            {
                Kind = RoleKind.Level,
                Name = name,
                Anchor = string.Join('-', name.ToLowerInvariant().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)),
                Location = new SourceLocation(Path, heading.Line + 1, 1),
                Heading = heading,
                StartLine = heading.Line + 1,
                EndLine = next is null ? lineCount : next.Line,
            });
        }

        return family;
    }

    public static GradeTable Grades(params string[] ids) =>
        new(
            [GradeTrack.General, new GradeTrack("sales", "Sales", ["sales"]), new GradeTrack("customer-success", "Customer Success", [])],
            ids.Select(id => new Grade
            {
                Id = GradeId.Parse(id),
                Title = "Title " + id,
                Titles = new Dictionary<string, string> { ["sales"] = "Sales " + id },
            }));

    public static GradeTable StandardGrades => Grades("4", "5", "6", "7", "8", "9", "10", "11", "12", "14", "15");

    public static (IReadOnlyList<GradeMention> Mentions, List<Diagnostic> Diagnostics) Resolve(JobFamily family, GradeTable? table = null)
    {
        var diagnostics = new List<Diagnostic>();
        var mentions = GradeResolver.Resolve(family, table ?? StandardGrades, diagnostics);
        return (mentions, diagnostics);
    }

    public static IReadOnlyList<GradeMention> Find(string markdown) => GradeMentionFinder.Find(Markdown.Parse(markdown, Pipeline));
}

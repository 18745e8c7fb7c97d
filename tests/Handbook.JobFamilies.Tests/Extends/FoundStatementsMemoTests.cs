namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;

/// <summary>
/// Issue 9: a family batch finds each page's statements once (<see cref="FoundStatementsMemo"/>) for the linked pages,
/// the resolver's closure and resolving, instead of three times. What it finds, links to and resolves must be what
/// finding afresh each time gave.
/// </summary>
public class FoundStatementsMemoTests
{
    private static readonly JobFamilyParser Parser = new(ExtendsFixture.Pipeline);

    private static IEnumerable<string> SamplePages =>
        Directory.EnumerateFiles(Path.Combine(SharedCorpus.RepositoryRoot, "input", "job-families"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static IEnumerable<string> RealPages =>
        Directory.EnumerateFiles(SharedCorpus.PathOf("gitlab-job-families"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void Given_a_family_When_its_statements_are_asked_for_twice_Then_they_are_found_once_and_are_the_finders()
    {
        var family = ParseAll(SamplePages).First(f => StatementFinder.Find(f).Count > 0);
        var memo = new FoundStatementsMemo();

        var first = memo.Find(family);
        var second = memo.Find(family);

        Assert.Same(first, second);
        Assert.Equal(1, memo.Count);
        Assert.Equal(Describe(StatementFinder.Find(family)), Describe(first));
    }

    [Fact]
    public void Given_the_sample_pages_When_found_in_parallel_Then_each_family_has_what_the_finder_finds_alone()
    {
        var families = ParseAll(SamplePages);
        var memo = new FoundStatementsMemo();

        memo.FindAll(families, new ParallelOptions { MaxDegreeOfParallelism = 4 });

        Assert.Equal(families.Count, memo.Count);
        var statements = 0;
        foreach (var family in families)
        {
            Assert.True(memo.TryGet(family, out var found));
            Assert.Equal(Describe(StatementFinder.Find(family)), Describe(found));
            statements += found.Count;
        }

        Assert.True(statements >= 20, $"only {statements} statements found");
    }

    [Fact]
    public void Given_a_family_not_found_yet_When_asked_for_Then_the_memo_has_nothing_for_it()
    {
        var family = ParseAll(SamplePages)[0];

        Assert.False(new FoundStatementsMemo().TryGet(family, out _));
    }

    [Fact]
    public void Given_the_sample_pages_When_linked_pages_come_through_the_memo_Then_the_urls_are_as_found_afresh()
    {
        var families = ParseAll(SamplePages);
        var memo = new FoundStatementsMemo();

        foreach (var family in families)
        {
            Assert.Equal(StatementLinks.FamilyUrlsOf(family).ToList(), StatementLinks.FamilyUrlsOf(family, memo).ToList());
        }

        Assert.Contains(families, f => StatementLinks.FamilyUrlsOf(f).Any());
    }

    [Fact]
    public void Given_the_sample_pages_and_some_owners_When_resolved_with_the_linked_pages_memo_Then_the_resolution_is_as_without() =>
        AssertResolvedAsWithout(SamplePages, minimumResolved: 10);

    [CorpusFact]
    public void Given_the_real_pages_and_some_owners_When_resolved_with_the_linked_pages_memo_Then_the_resolution_is_as_without() =>
        AssertResolvedAsWithout(RealPages, minimumResolved: 100);

    /// <summary>
    /// Resolves every other page as owners (so the closure reaches pages outside them) once without a memo and once
    /// with one filled as a batch fills it, each over its own parse of the pages; statements, targets, the roles'
    /// extends links and the diagnostics must be equal.
    /// </summary>
    private static void AssertResolvedAsWithout(IEnumerable<string> files, int minimumResolved)
    {
        var paths = files.ToList();
        var (plain, plainBag, plainFamilies) = Resolve(paths, withMemo: false);
        var (memoised, memoBag, memoFamilies) = Resolve(paths, withMemo: true);

        Assert.Equal(plain.Found.Select(Describe), memoised.Found.Select(Describe));
        Assert.Equal(plain.Resolved.Select(Describe), memoised.Resolved.Select(Describe));
        Assert.Equal(plainBag.Sorted().Select(d => d.ToString()), memoBag.Sorted().Select(d => d.ToString()));
        Assert.Equal(ExtendsLinksOf(plainFamilies), ExtendsLinksOf(memoFamilies));
        Assert.True(plain.Resolved.Count >= minimumResolved, $"only {plain.Resolved.Count} statements resolved");
    }

    private static (ExtendsResolution Resolution, DiagnosticBag Bag, List<JobFamily> Families) Resolve(List<string> paths, bool withMemo)
    {
        var families = ParseAll(paths);
        var owners = new HashSet<JobFamily>(families.Where((_, i) => i % 2 == 0), ReferenceEqualityComparer.Instance);
        FoundStatementsMemo? memo = null;
        if (withMemo)
        {
            memo = new FoundStatementsMemo();
            memo.FindAll(families, new ParallelOptions());
        }

        var bag = new DiagnosticBag();
        var resolution = new ExtendsResolver(new FamilyLookup(families), memo).Resolve(families, bag, owners);
        return (resolution, bag, families);
    }

    private static List<JobFamily> ParseAll(IEnumerable<string> files) =>
        files.Select(f => Parser.Parse("job-families/" + Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(f))!, f).Replace('\\', '/'), File.ReadAllText(f), new List<Diagnostic>())).ToList();

    private static List<string> Describe(IEnumerable<FoundStatement> found) => found.Select(Describe).ToList();

    private static string Describe(FoundStatement f) =>
        $"{f.Location} {f.Role?.Name} {f.Section?.Title} line {f.Block.Line} col {f.Block.Column}: {f.Statement}";

    private static string Describe(ResolvedStatement r) =>
        $"{Describe(r.Found)} => {r.Owner.Family.SourcePath}#{r.Owner.Role?.Name} -> {string.Join(", ", r.Targets.Select(t => $"{t.Family.SourcePath}#{t.Role?.Name}"))} choice {r.IsChoice} [{string.Join(' ', r.Sections)}]";

    private static List<string> ExtendsLinksOf(List<JobFamily> families) =>
        families.SelectMany(f => f.Roles.SelectMany(r => r.Extends.Select(e => $"{f.SourcePath}#{r.Name}: {e}"))).ToList();
}

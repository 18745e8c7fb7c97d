namespace Handbook.Site.Tests.Memory;

using System.Text;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Model;
using Handbook.Site.Building;
using Handbook.Site.Export;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Markdig.Syntax;
using Xunit.Abstractions;

/// <summary>
/// A one-shot build lets each family's Markdown tree go once its body is rendered (<see cref="SyntaxTreeRelease"/>) and
/// reads the facts recorded on the copy instead. These tests compare the copy's answers (fast path) with the tree's
/// (the slow path every stage used before) family by family, and the copy's model with the original's.
/// </summary>
public class SyntaxTreeReleaseTests(ITestOutputHelper output)
{
    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Fact]
    public async Task Given_the_sample_families_When_their_trees_are_released_Then_the_copies_answer_as_the_trees_did()
    {
        var families = await FamiliesWithTreesAsync(SampleInput);

        var compared = AssertCopiesAnswerAsTrees(families);

        // The sample exercises every fact, so a copy that lost one cannot pass.
        Assert.True(compared.WithMermaid > 0, "no sample page has a Mermaid diagram");
        Assert.True(compared.WithLadderLinks > 0, "no sample page has Career Ladder links");
        Assert.True(compared.WithInheritedItems > 0, "no sample page inherits bullets");
        Assert.True(compared.Links > 0, "no sample page has a link");
    }

    [Fact]
    public async Task Given_the_sample_pages_When_RenderBodyHtml_releases_trees_Then_the_bodies_are_the_same_and_the_families_tree_less()
    {
        // Given the sample's documents as a build that keeps its trees leaves them
        var request = new BuildRequest { InputFolder = SampleInput, OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false, History = false };
        var site = SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings());
        var documents = (await site.RunAsync([])).Documents.Where(d => d.Metadata.Contains(JobFamilyKeys.Family)).ToList();
        var pipeline = site.Services.Get<Markdig.MarkdownPipeline>();

        // When the body is rendered again, once keeping and once releasing the trees
        var kept = await new RenderBodyHtml(pipeline).ExecuteAsync(documents, Context());
        var released = await new RenderBodyHtml(pipeline, releasesSyntaxTrees: true).ExecuteAsync(documents, Context());

        // Then the bodies are the same, and only the releasing run replaced each family by a tree-less copy
        Assert.NotEmpty(documents);
        Assert.Equal(kept.Select(d => d.Get(JobFamilyKeys.BodyHtml)), released.Select(d => d.Get(JobFamilyKeys.BodyHtml)));
        Assert.Equal(documents.Select(d => d.Get(JobFamilyKeys.BodyHtml)), released.Select(d => d.Get(JobFamilyKeys.BodyHtml)));
        Assert.All(kept, d => Assert.Null(d.Get(JobFamilyKeys.Family).BodyFacts));
        Assert.All(kept, d => Assert.NotEmpty(d.Get(JobFamilyKeys.MarkdownBody)));
        Assert.All(released, d => Assert.Empty(d.Get(JobFamilyKeys.MarkdownBody)));
        Assert.All(released, d => Assert.True(d.Get(JobFamilyKeys.Family) is { BodyFacts: not null, Body.Count: 0 }, d.SourcePath));
        Assert.Equal(documents.Select(d => LinkFinder.Find(d.Get(JobFamilyKeys.Family))), released.Select(d => LinkFinder.Find(d.Get(JobFamilyKeys.Family))));
    }

    [CorpusFact]
    public async Task Given_the_real_corpus_When_its_trees_are_released_Then_the_copies_answer_as_the_trees_did()
    {
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);
        var families = await FamiliesWithTreesAsync(folder["input"]);

        var compared = AssertCopiesAnswerAsTrees(families);

        output.WriteLine($"{families.Count} families: {compared.Links} links, {compared.WithMermaid} with diagrams, {compared.WithLadderLinks} with ladder links, {compared.WithInheritedItems} inheriting");
        Assert.True(families.Count >= 171);
    }

    [Fact]
    public void Given_a_family_whose_sections_are_shared_When_copied_Then_the_copy_shares_them_the_same_way_and_holds_no_block()
    {
        // Given a level whose responsibilities section is also in its section list and in the page's section tree
        var family = Families.Family("sales/analyst", "Analyst", body: "## Levels\n\n### Junior\n\n#### Responsibilities\n\n- Counts things\n");
        var section = new Section { Kind = SectionKind.Responsibilities, Title = "Responsibilities", Anchor = "responsibilities", HeadingLevel = 4, Location = new("x.md", 5, 1), Heading = family.Body.Descendants<HeadingBlock>().Last(), StartLine = 5, EndLine = 7 };
        section.Blocks.AddRange(family.Body.Skip(3));
        section.Items.Add(new Item { Text = "Counts things", Location = new("x.md", 7, 3), Block = family.Body.Descendants<ListItemBlock>().Single() });
        var level = Families.Level("Junior", "junior");
        level.Responsibilities = section;
        level.Sections.Add(section);
        family.Levels.Add(level);
        family.Sections.Add(section);

        // When
        var copy = SyntaxTreeRelease.Release(family);

        // Then
        var copiedLevel = Assert.Single(copy.Levels);
        Assert.NotSame(level, copiedLevel);
        Assert.Same(copiedLevel.Responsibilities, Assert.Single(copiedLevel.Sections));
        Assert.Same(copiedLevel.Responsibilities, Assert.Single(copy.Sections));
        Assert.Empty(copy.Body);
        Assert.Null(copiedLevel.Responsibilities!.Heading);
        Assert.Empty(copiedLevel.Responsibilities.Blocks);
        Assert.Null(Assert.Single(copiedLevel.Responsibilities.Items).Block);
        Assert.Equal(Outline(family), Outline(copy));
    }

    private static StageContext Context() => new(new Handbook.Pipeline.Diagnostics.DiagnosticBag(), new ServiceRegistry(), CancellationToken.None);

    private static async Task<List<JobFamily>> FamiliesWithTreesAsync(string input)
    {
        // A build that keeps its record (as the preview does) keeps the trees: the slow path to compare with.
        var request = new BuildRequest { InputFolder = input, OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false, History = false };
        var site = SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings());
        var result = await site.RunAsync([]);
        return result.Documents
            .Select(d => d.TryGet(JobFamilyKeys.Family, out var family) ? family : null)
            .OfType<JobFamily>()
            .ToList();
    }

    private static (int Links, int WithMermaid, int WithLadderLinks, int WithInheritedItems) AssertCopiesAnswerAsTrees(IReadOnlyList<JobFamily> families)
    {
        var counts = (Links: 0, WithMermaid: 0, WithLadderLinks: 0, WithInheritedItems: 0);
        foreach (var family in families)
        {
            Assert.Null(family.BodyFacts);
            var copy = SyntaxTreeRelease.Release(family);

            Assert.Empty(copy.Body);
            Assert.Equal(LinkFinder.Find(family), LinkFinder.Find(copy));
            Assert.Equal(MermaidBlocks.Any(family.Body), MermaidBlocks.Any(copy));
            Assert.Equal(CareerLadderLinks.Find(family.CareerLadder), CareerLadderLinks.Of(copy));
            Assert.Equal(Outline(family), Outline(copy));
            Assert.All(copy.Roles, r => Assert.Null(r.Heading));
            Assert.All(AllSections(copy), s => Assert.True(s.Heading is null && s.Blocks.Count == 0 && s.Items.All(i => i.Block is null), s.Title));

            counts.Links += LinkFinder.Find(family).Count;
            counts.WithMermaid += MermaidBlocks.Any(family.Body) ? 1 : 0;
            counts.WithLadderLinks += CareerLadderLinks.Find(family.CareerLadder).Count > 0 ? 1 : 0;
            counts.WithInheritedItems += family.Roles.Any(r => r.Sections.Any(s => s.Items.Any(i => i.InheritedFrom is not null))) ? 1 : 0;
        }

        return counts;
    }

    private static IEnumerable<Section> AllSections(JobFamily family)
    {
        var stack = new Stack<Section>(family.Sections.Concat(family.Roles.SelectMany(r => r.Sections)));
        while (stack.Count > 0)
        {
            var section = stack.Pop();
            yield return section;
            foreach (var child in section.Children)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>Everything of the model except the tree's blocks, as text (roles, sections, items, grades, extends).</summary>
    private static string Outline(JobFamily family)
    {
        var text = new StringBuilder();
        text.AppendLine($"{family.SourcePath}|{family.Slug}|{family.Department}|{family.Url}|{family.IsDepartmentIndex}|{family.Title}|{family.Description}|{family.FrontMatter == null}|{family.SourceMap.Path}");
        foreach (var role in family.Roles)
        {
            text.AppendLine($"role {role.Kind}|{role.Name}|{role.Anchor}|{role.Location}|{role.StartLine}-{role.EndLine}|{role.Grade}|{string.Join(";", role.Extends)}");
            text.AppendLine($"  named {role.Responsibilities?.Title}|{role.Requirements?.Title}|{role.NiceToHaves?.Title}|{role.PerformanceIndicators?.Title}|{role.JobGrade?.Title}");
            foreach (var section in role.Sections)
            {
                AppendSection(text, section, "  ");
            }
        }

        text.AppendLine($"page {family.PerformanceIndicators?.Title}|{family.CareerLadder?.Title}|{family.HiringProcess?.Title}");
        foreach (var section in family.Sections)
        {
            AppendSection(text, section, string.Empty);
        }

        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, Section section, string indent)
    {
        text.AppendLine($"{indent}section {section.Kind}|{section.Title}|{section.Anchor}|{section.HeadingLevel}|{section.Location}|{section.StartLine}-{section.EndLine}");
        foreach (var item in section.Items)
        {
            text.AppendLine($"{indent}  item {item.Text}|{item.Location}|{item.InheritedFrom}");
        }

        foreach (var child in section.Children)
        {
            AppendSection(text, child, indent + "  ");
        }
    }
}

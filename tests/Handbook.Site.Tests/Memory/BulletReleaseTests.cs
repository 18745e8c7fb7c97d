namespace Handbook.Site.Tests.Memory;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// After the last reader of the bullets a one-shot build lets each tree-less family's bullets go, in place
/// (<see cref="BulletRelease"/>, <see cref="ReleaseFamilyBullets"/>; issue 9): everything else the later stages read
/// stays.
/// </summary>
public class BulletReleaseTests
{
    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Fact]
    public async Task Given_the_sample_families_tree_less_When_their_bullets_are_released_Then_only_the_bullets_are_gone()
    {
        // Given the sample's families as a one-shot build leaves them (tree-less), some with bullets and links
        var families = await TreeLessFamiliesAsync();
        Assert.Contains(families, f => ItemsOf(f).Any());
        Assert.Contains(families, f => f.BodyFacts!.AuthoredLinks.Count > 0);
        var before = families.Select(f => (Outline: Outline(f), Links: LinkFinder.Find(f), Bullets: ItemsOf(f).Distinct().Count())).ToList();

        // When
        var released = families.Select(BulletRelease.Release).ToList();

        // Then no family has a bullet, each says how many went, and every other thing later stages read is the same
        for (var i = 0; i < families.Count; i++)
        {
            Assert.Empty(ItemsOf(families[i]));
            Assert.Equal(before[i].Bullets, released[i]);
            Assert.Equal(before[i].Outline, Outline(families[i]));
            Assert.Equal(before[i].Links, LinkFinder.Find(families[i]));
        }
    }

    [Fact]
    public void Given_a_family_whose_sections_are_shared_When_its_bullets_are_released_Then_each_bullet_is_counted_once_and_the_sharing_stays()
    {
        // Given a tree-less level whose responsibilities section is also in its section list and the page's sections
        var family = SyntaxTreeRelease.Release(SharedSections());

        // When
        var released = BulletRelease.Release(family);

        // Then
        Assert.Equal(1, released);
        var level = Assert.Single(family.Levels);
        Assert.Same(level.Responsibilities, Assert.Single(level.Sections));
        Assert.Same(level.Responsibilities, Assert.Single(family.Sections));
        Assert.Empty(level.Responsibilities!.Items);
        Assert.Equal(0, level.Responsibilities.Items.Capacity);
    }

    [Fact]
    public void Given_a_family_with_its_tree_When_its_bullets_are_released_Then_it_is_refused_and_keeps_them()
    {
        // Given a family whose links are still found through its tree and bullets
        var family = SharedSections();

        // When / Then
        Assert.Throws<ArgumentException>(() => BulletRelease.Release(family));
        Assert.Single(family.Sections[0].Items);
    }

    [Fact]
    public async Task Given_documents_of_tree_less_families_and_others_When_the_stage_runs_Then_only_the_families_lose_their_bullets()
    {
        // Given the sample's documents as a one-shot build leaves them, and a document without a family
        var documents = (await TreeLessDocumentsAsync()).Append(Document.FromSource("notes.txt", "text")).ToList();
        var before = documents.SkipLast(1).Select(d => (Outline: Outline(d.Get(JobFamilyKeys.Family)), Links: LinkFinder.Find(d.Get(JobFamilyKeys.Family)))).ToList();
        Assert.Contains(documents.SkipLast(1), d => ItemsOf(d.Get(JobFamilyKeys.Family)).Any());

        // When
        var released = await new ReleaseFamilyBullets().ExecuteAsync(documents.ToList(), Context());

        // Then every family's bullets are gone, its links and outline are the same, and every document passes as it was
        Assert.Equal(documents, released);
        for (var i = 0; i < before.Count; i++)
        {
            var family = released[i].Get(JobFamilyKeys.Family);
            Assert.Empty(ItemsOf(family));
            Assert.Equal(before[i].Outline, Outline(family));
            Assert.Equal(before[i].Links, LinkFinder.Find(family));
        }
    }

    private static JobFamily SharedSections()
    {
        var family = Families.Family("sales/analyst", "Analyst", body: "## Levels\n\n### Junior\n\n#### Responsibilities\n\n- Counts things\n");
        var section = new Section { Kind = SectionKind.Responsibilities, Title = "Responsibilities", Anchor = "responsibilities", HeadingLevel = 4, Location = new("x.md", 5, 1), StartLine = 5, EndLine = 7 };
        section.Items.Add(new Item { Text = "Counts things", Location = new("x.md", 7, 3) });
        var level = Families.Level("Junior", "junior");
        level.Responsibilities = section;
        level.Sections.Add(section);
        family.Levels.Add(level);
        family.Sections.Add(section);
        return family;
    }

    private static async Task<List<Document>> TreeLessDocumentsAsync()
    {
        // The sample's family documents as a build that keeps them leaves them, with their trees let go as a one-shot
        // build lets them go (RenderBodyHtml releasing trees: each family replaced by its tree-less copy).
        var request = new BuildRequest { InputFolder = SampleInput, OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false, History = false };
        var site = SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings());
        var documents = (await site.RunAsync([])).Documents
            .Where(d => d.Metadata.Contains(JobFamilyKeys.Family))
            .GroupBy(d => d.Get(JobFamilyKeys.Family).SourcePath, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        var released = await new RenderBodyHtml(site.Services.Get<Markdig.MarkdownPipeline>(), releasesSyntaxTrees: true).ExecuteAsync(documents, Context());
        Assert.All(released, d => Assert.NotNull(d.Get(JobFamilyKeys.Family).BodyFacts));
        return [.. released];
    }

    private static StageContext Context() => new(new DiagnosticBag(), new ServiceRegistry(), CancellationToken.None);

    private static async Task<List<JobFamily>> TreeLessFamiliesAsync() =>
        [.. (await TreeLessDocumentsAsync()).Select(d => d.Get(JobFamilyKeys.Family))];

    private static IEnumerable<Item> ItemsOf(JobFamily family) =>
        family.Roles.SelectMany(r => r.Sections).Concat(family.Sections).Concat(Optional(family.PerformanceIndicators, family.CareerLadder, family.HiringProcess))
            .SelectMany(Descendants)
            .SelectMany(s => s.Items);

    private static IEnumerable<Section> Optional(params Section?[] sections) => sections.OfType<Section>();

    private static IEnumerable<Section> Descendants(Section section) => [section, .. section.Children.SelectMany(Descendants)];

    // Everything but the bullets, as text: identity, roles with grades and extends, and every section's place.
    private static string Outline(JobFamily family)
    {
        var lines = new List<string> { $"{family.SourcePath}|{family.Slug}|{family.Department}|{family.Url}|{family.IsDepartmentIndex}|{family.Title}|{family.Description}" };
        foreach (var role in family.Roles)
        {
            lines.Add($"role {role.Kind}|{role.Name}|{role.Anchor}|{role.Location}|{role.StartLine}-{role.EndLine}|{role.Grade?.Value}|{role.Grade?.Title}|{role.Grade?.Track}|{string.Join(",", role.Extends.Select(e => e.Url + "#" + e.Role))}");
            lines.AddRange(new[] { role.Responsibilities, role.Requirements, role.NiceToHaves, role.PerformanceIndicators, role.JobGrade }.Select(s => "  slot " + SectionLine(s)));
            lines.AddRange(role.Sections.SelectMany(Descendants).Select(s => "  " + SectionLine(s)));
        }

        lines.AddRange(family.Sections.SelectMany(Descendants).Select(SectionLine));
        lines.AddRange(new[] { family.PerformanceIndicators, family.CareerLadder, family.HiringProcess }.Select(s => "page " + SectionLine(s)));
        return string.Join("\n", lines);
    }

    private static string SectionLine(Section? section) =>
        section is null ? "-" : $"{section.Kind}|{section.Title}|{section.Anchor}|{section.HeadingLevel}|{section.Location}|{section.StartLine}-{section.EndLine}|{section.Children.Count}";
}

namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;

/// <summary>
/// <see cref="ExtendsNode.GeneralSection"/> walks the section tree with plain loops (issue 9); it must pick the same
/// section as the LINQ query it replaced, kept here as the oracle.
/// </summary>
public sealed class GeneralSectionTests
{
    private static readonly SectionKind[] Kinds = Enum.GetValues<SectionKind>();

    /// <summary>The replaced implementation: the first flattened section of the kind outside every non-page role.</summary>
    private static Section? Oracle(JobFamily family, SectionKind kind)
    {
        var roles = family.Roles.Where(r => r.Kind != RoleKind.Page).ToList();
        return Flatten(family.Sections).FirstOrDefault(s =>
            s.Kind == kind && !roles.Any(r => s.Location.Line >= r.StartLine && s.Location.Line <= r.EndLine));
    }

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) =>
        sections.SelectMany(s => new[] { s }.Concat(Flatten(s.Children)));

    [Fact]
    public void Picks_the_same_section_as_the_query_on_pages_with_and_without_general_sections()
    {
        // Given pages with general sections before, between and after the levels, nested ones, and none at all
        string[] pages =
        [
            "---\ntitle: Rope Maker\n---\n\n## Responsibilities\n\n* Twist fibres\n\n## Requirements\n\n* Patience\n\n## Levels\n\n### Senior Rope Maker\n\n#### Responsibilities\n\n* Teach\n",
            "---\ntitle: Rope Maker\n---\n\n## Levels\n\n### Rope Maker\n\n#### Responsibilities\n\n* Twist\n\n### Senior Rope Maker\n\n#### Requirements\n\n* More\n\n## Overview\n\n### Requirements\n\n* Hands\n\n### Performance Indicators\n\n* Metres per day\n",
            "---\ntitle: Rope Maker\n---\n\nA page without headings of any kind.\n",
            "---\ntitle: Rope Maker\n---\n\n## Job Grade\n\nThe rope maker is grade 6.\n\n## Responsibilities\n\n* Twist\n\n## Requirements\n\n* Hands\n",
        ];
        var parser = new JobFamilyParser(ExtendsFixture.Pipeline);
        var families = pages.Select((p, i) => parser.Parse($"job-families/make/rope-maker-{i}.md", p, new List<Diagnostic>())).ToList();

        // Then every kind resolves to the very same section (or none) both ways, and some kinds do have one
        AssertSameAsOracle(families);
        Assert.Contains(families, f => ExtendsNode.GeneralSection(f, SectionKind.Requirements) is not null);
        Assert.Contains(families, f => ExtendsNode.GeneralSection(f, SectionKind.Requirements) is null);
    }

    [CorpusFact]
    public void Picks_the_same_section_as_the_query_on_the_real_pages()
    {
        var parser = new JobFamilyParser(ExtendsFixture.Pipeline);
        var families = ExtendsCorpusTests.Manifest()
            .Select(p => parser.Parse(p.Original, File.ReadAllText(Path.Combine(SharedCorpus.PathOf("gitlab-job-families"), p.Saved)), new List<Diagnostic>()))
            .ToList();

        AssertSameAsOracle(families);
        Assert.Contains(families, ExtendsNode.HasGeneral);
    }

    private static void AssertSameAsOracle(List<JobFamily> families)
    {
        foreach (var family in families)
        {
            foreach (var kind in Kinds)
            {
                Assert.Same(Oracle(family, kind), ExtendsNode.GeneralSection(family, kind));
            }
        }
    }
}

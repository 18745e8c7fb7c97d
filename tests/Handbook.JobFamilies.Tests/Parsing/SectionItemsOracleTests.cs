namespace Handbook.JobFamilies.Tests.Parsing;

using CsCheck;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Tests.Fuzz;
using Handbook.JobFamilies.Tests.Parsing.Oracles;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig.Syntax;

/// <summary>
/// Issue 9: a role section's items from its untitled sub-sections are copied from the items those sub-sections
/// already have, not worked out again from the AST, and bullets are read without LINQ. Given a parsed page, then every
/// section's items are what the old rule gives: the bullets of its own lists (text from <see cref="OracleInlineText"/>,
/// empty ones skipped) and, for a role section, those of its Other-kind and same-kind sub-sections depth first; each a new item.
/// </summary>
public class SectionItemsOracleTests
{
    private static readonly JobFamilyParser Parser = new(JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions()));

    [Fact]
    public void Given_the_sample_and_real_pages_When_parsed_Then_every_section_has_the_oracle_s_items()
    {
        var items = 0;
        foreach (var (path, text) in OraclePages.All())
        {
            items += AssertItemsAsOracle(Parser.Parse(path, text, new List<Diagnostic>()));
        }

        // The sample alone has about 400 items; the real pages (when ../shared is present) add thousands.
        var expected = SharedCorpus.Folder is null ? 300 : 2000;
        Assert.True(items > expected, $"only {items} items compared");
    }

    [Fact]
    public void Given_generated_pages_When_parsed_Then_every_section_has_the_oracle_s_items()
    {
        PageGen.ValidIsh.Sample(page => AssertItemsAsOracle(Parser.Parse("job-families/x/y.md", page, new List<Diagnostic>())) >= 0, iter: 300);
    }

    [Fact]
    public void Given_a_role_section_with_an_untitled_sub_heading_When_parsed_Then_it_has_its_own_and_the_sub_heading_s_bullets_as_separate_items()
    {
        var family = Parser.Parse(
            "job-families/x/widget-analyst.md",
            "---\ntitle: Widget Analyst\n---\n\n## Responsibilities\n\n- Own *widgets*\n\n### Who, where and why\n\n- Work with  teams\n- \n",
            new List<Diagnostic>());

        var responsibilities = family.PageRole!.Responsibilities!;
        Assert.Equal(["Own widgets", "Work with teams"], responsibilities.Items.Select(i => i.Text));
        var sub = Assert.Single(responsibilities.Children);
        var own = Assert.Single(sub.Items);
        Assert.NotSame(own, responsibilities.Items[1]);
        Assert.Same(own.Block, responsibilities.Items[1].Block);
        Assert.Equal(own.Location, responsibilities.Items[1].Location);
    }

    private static int AssertItemsAsOracle(JobFamily family)
    {
        var compared = 0;
        foreach (var section in Flatten(family.Sections))
        {
            var expected = OracleItems(section.Blocks).ToList();
            if (section.Kind is SectionKind.Responsibilities or SectionKind.Requirements or SectionKind.NiceToHaves or SectionKind.JobGrade or SectionKind.PerformanceIndicators)
            {
                expected.AddRange(OtherDescendants(section).SelectMany(sub => OracleItems(sub.Blocks)));
            }

            Assert.Equal(expected.Count, section.Items.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Text, section.Items[i].Text);
                Assert.Same(expected[i].Block, section.Items[i].Block);
                Assert.Equal(family.SourceMap.Locate(expected[i].Block.Line, expected[i].Block.Column), section.Items[i].Location);
                Assert.Null(section.Items[i].InheritedFrom);
            }

            Assert.Equal(section.Items.Count, section.Items.Distinct().Count());
            compared += expected.Count;
        }

        // No item object is in two sections.
        var all = Flatten(family.Sections).SelectMany(s => s.Items).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        return compared;
    }

    private static IEnumerable<(string Text, ListItemBlock Block)> OracleItems(IEnumerable<Block> blocks) =>
        blocks.OfType<ListBlock>()
            .SelectMany(list => list.OfType<ListItemBlock>())
            .Select(item => (Text: OracleInlineText.Of(item), Block: item))
            .Where(item => item.Text.Length > 0);

    private static IEnumerable<Section> OtherDescendants(Section section)
    {
        // mm19: sub-sections of the section's own kind count too ("**Team responsibilities**" under "Responsibilities").
        foreach (var child in section.Children.Where(c => c.Kind == SectionKind.Other || c.Kind == section.Kind))
        {
            yield return child;
            foreach (var grandChild in OtherDescendants(child))
            {
                yield return grandChild;
            }
        }
    }

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) =>
        sections.SelectMany(s => new[] { s }.Concat(Flatten(s.Children)));
}

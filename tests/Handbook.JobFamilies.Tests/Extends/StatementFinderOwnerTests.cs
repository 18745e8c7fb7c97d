namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig.Syntax;

/// <summary>
/// Issue 9: <see cref="StatementFinder"/> finds a statement's role and section with loops over sections flattened once
/// per page and role, instead of LINQ with a closure per leaf block and a flattened copy per statement. Every statement
/// of the sample and real pages (and of pages made to hit the ties) gets the role and section the LINQ version gave.
/// </summary>
public class StatementFinderOwnerTests
{
    private static readonly JobFamilyParser Parser = new(ExtendsFixture.Pipeline);

    [Fact]
    public void Given_the_sample_pages_When_statements_are_found_Then_each_has_the_role_and_section_the_LINQ_version_gave() =>
        AssertOwnersAsBefore(Directory.EnumerateFiles(Path.Combine(SharedCorpus.RepositoryRoot, "input", "job-families"), "*.md", SearchOption.AllDirectories), minimumStatements: 20);

    [CorpusFact]
    public void Given_the_real_pages_When_statements_are_found_Then_each_has_the_role_and_section_the_LINQ_version_gave() =>
        AssertOwnersAsBefore(Directory.EnumerateFiles(SharedCorpus.PathOf("gitlab-job-families"), "*.md", SearchOption.AllDirectories), minimumStatements: 300);

    [Fact]
    public void Given_statements_outside_levels_in_headings_and_before_any_section_When_found_Then_owners_are_as_before()
    {
        const string page = """
            ---
            title: Widget Analyst
            ---
            Extends the Sales Manager responsibilities

            ## Responsibilities

            - Extends the Sales Manager responsibilities
            - Own the widget roadmap

            ## Levels

            ### Senior Widget Analyst

            The Senior Widget Analyst role extends the Widget Analyst role.

            #### Responsibilities (extends [Widget Analyst Responsibilities](#responsibilities))

            - Extends that of the Widget Analyst responsibilities
            - Lead widget reviews

            #### Requirements

            Everything in the Widget Analyst requirements, plus:

            - Five years of widgets

            ### Staff Widget Analyst

            - Extends that of the Senior Widget Analyst responsibilities

            #### Requirements

            1. Has all of the requirements of the Senior Widget Analyst
            """;

        var found = AssertOwnersAsBefore([("job-families/sales/widget-analyst.md", page)]);

        Assert.True(found >= 6, $"only {found} statements found");
    }

    private static void AssertOwnersAsBefore(IEnumerable<string> files, int minimumStatements)
    {
        var found = AssertOwnersAsBefore(files.Select(f => (Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(f))!, f), File.ReadAllText(f))));
        Assert.True(found >= minimumStatements, $"only {found} statements found");
    }

    private static int AssertOwnersAsBefore(IEnumerable<(string Path, string Text)> pages)
    {
        var found = 0;
        foreach (var (path, text) in pages)
        {
            var family = Parser.Parse("job-families/" + path.Replace('\\', '/'), text, new List<Diagnostic>());
            var roles = family.Roles.OrderBy(r => r.StartLine).ToList();
            foreach (var statement in StatementFinder.Find(family))
            {
                found++;
                var line = statement.Block.Line + 1;
                var role = roles.LastOrDefault(r => r.Kind != RoleKind.Page && r.StartLine <= line && line <= r.EndLine)
                    ?? roles.LastOrDefault(r => r.StartLine <= line && line <= r.EndLine);
                Assert.Same(role, statement.Role);
                Assert.Same(LinqSectionOf(family, role, statement.Block, line), statement.Section);
            }
        }

        return found;
    }

    /// <summary>The finder's section lookup as it was written before (the oracle).</summary>
    private static Section? LinqSectionOf(JobFamily family, Role? role, LeafBlock leaf, int line)
    {
        var sections = ExtendsNode.Flatten(role?.Sections ?? family.Sections).ToList();
        if (leaf is HeadingBlock heading)
        {
            return sections.FirstOrDefault(s => ReferenceEquals(s.Heading, heading));
        }

        var direct = sections.FirstOrDefault(s => s.Blocks.Any(b => Contains(b, leaf)));
        if (direct is not null)
        {
            return direct;
        }

        return sections.Where(s => s.Location.Line <= line).OrderBy(s => s.Location.Line).LastOrDefault();
    }

    private static bool Contains(Block ancestor, Block block)
    {
        for (Block? b = block; b is not null; b = b.Parent)
        {
            if (ReferenceEquals(b, ancestor))
            {
                return true;
            }
        }

        return false;
    }
}

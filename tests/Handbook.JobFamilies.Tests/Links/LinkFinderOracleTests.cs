namespace Handbook.JobFamilies.Tests.Links;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Tests.Links.Oracles;
using Handbook.JobFamilies.Tests.Parsing.Oracles;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// <see cref="LinkFinder"/> looks up only the nodes that give links among the blocks it skips (the bullets copied by
/// "extends"); it must list exactly the links its previous implementation (<see cref="OracleLinkFinder"/>) listed, in
/// the same order and at the same positions.
/// </summary>
public sealed class LinkFinderOracleTests
{
    [Fact]
    public void Expanded_sample_and_real_pages_list_the_oracles_links()
    {
        // Given every sample page and, when present, every real page, parsed and with their "extends" statements expanded
        var pipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());
        var parser = new JobFamilyParser(pipeline);
        var families = OraclePages.All().Select(p => parser.Parse(p.Path, p.Text, new List<Diagnostic>())).ToList();
        new ExpandExtends(new FamilyLookup(families)).Run(families, new DiagnosticBag());

        // When their links are listed, Then they are the oracle's
        var links = 0;
        foreach (var family in families)
        {
            var expected = OracleLinkFinder.Find(family);
            Assert.Equal(expected, LinkFinder.Find(family));
            links += expected.Count;
        }

        // (the pages exercise the skipped blocks: some bullets are inherited as copies in the tree)
        Assert.True(links > 100, $"only {links} links");
        Assert.Contains(families, f => f.Roles.SelectMany(r => r.Sections).SelectMany(s => s.Items).Any(i => i.InheritedFrom is not null && i.Block is not null));
    }
}

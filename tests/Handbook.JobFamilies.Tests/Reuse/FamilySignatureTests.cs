namespace Handbook.JobFamilies.Tests.Reuse;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Reuse;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// A family's <see cref="FamilySignature"/> (the names "extends" statements resolve by) matches for any edit that
/// leaves URL, title, role and section names alone, and differs when one of them changes.
/// </summary>
public sealed class FamilySignatureTests
{
    private const string Path = "job-families/engineering/technical-writer.md";

    private const string Page = "---\ntitle: Technical Writer\n---\n\n## Levels\n\n### Junior Technical Writer\n\n#### Responsibilities\n\n* Writes guides\n\n"
        + "### Senior Technical Writer\n\n#### Requirements\n\n* Reviews guides\n\n## Performance indicators\n\n* Docs shipped\n";

    [Fact]
    public void Given_a_parsed_family_When_its_signature_is_taken_Then_it_holds_url_title_roles_and_sections_depth_first()
    {
        // When
        var signature = FamilySignature.Of(Parse(Page));

        // Then
        Assert.Equal("Technical Writer", signature.Title);
        Assert.EndsWith("/technical-writer/", signature.Url, StringComparison.Ordinal);
        Assert.Equal(["Junior Technical Writer", "Senior Technical Writer"], signature.Roles.Select(r => r.Name));
        Assert.All(signature.Roles, r => Assert.Equal(nameof(RoleKind.Level), r.Kind));
        Assert.Contains(signature.Sections, s => s.Kind == nameof(SectionKind.Responsibilities));
        Assert.Contains(signature.Sections, s => s.Kind == nameof(SectionKind.PerformanceIndicators));
        var levels = signature.Sections.ToList().FindIndex(s => s.Kind == nameof(SectionKind.Levels));
        var responsibilities = signature.Sections.ToList().FindIndex(s => s.Kind == nameof(SectionKind.Responsibilities));
        Assert.True(levels >= 0 && levels < responsibilities, "a parent section comes before its children");
    }

    [Fact]
    public void Given_an_edit_of_bullets_only_When_signatures_are_compared_Then_they_match()
    {
        // Given
        var before = FamilySignature.Of(Parse(Page));

        // When
        var after = FamilySignature.Of(Parse(Page.Replace("* Writes guides", "* Writes guides\n* Edits guides", StringComparison.Ordinal)));

        // Then
        Assert.True(before.Matches(after));
        Assert.True(after.Matches(before));
    }

    [Theory]
    [InlineData("### Senior Technical Writer", "### Staff Technical Writer")]
    [InlineData("title: Technical Writer", "title: Documentation Writer")]
    [InlineData("#### Requirements", "#### Nice to have")]
    [InlineData("## Performance indicators\n\n* Docs shipped\n", "")]
    public void Given_a_renamed_role_title_or_section_When_signatures_are_compared_Then_they_differ(string text, string replacement)
    {
        // Given
        var before = FamilySignature.Of(Parse(Page));

        // When
        var after = FamilySignature.Of(Parse(Page.Replace(text, replacement, StringComparison.Ordinal)));

        // Then
        Assert.False(before.Matches(after));
    }

    private static JobFamily Parse(string text) => new JobFamilyParser().Parse(Path, text, new List<Diagnostic>());
}

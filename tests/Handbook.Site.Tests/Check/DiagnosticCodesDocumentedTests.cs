namespace Handbook.Site.Tests.Check;

/// <summary>Every diagnostic code the code base can emit is documented in README.md with an example and a fix.</summary>
public class DiagnosticCodesDocumentedTests
{
    [Fact]
    public void Every_code_in_the_sources_is_documented_with_an_example_and_a_fix()
    {
        var codes = DiagnosticCodeCatalog.Codes();
        var documented = CodeDocumentation.Files()
            .SelectMany(f => CodeDocumentation.DocumentedCodes(File.ReadAllText(f)))
            .ToHashSet(StringComparer.Ordinal);

        var missing = codes.Where(c => !documented.Contains(c.Key)).Select(c => $"{c.Key} ({string.Join(", ", c.Value)})").ToList();

        Assert.True(missing.Count == 0, "codes without an example and a fix in README.md (or docs/readme-*.md):\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void No_code_is_assembled_at_run_time_where_the_scan_cannot_see_it()
    {
        Assert.Empty(DiagnosticCodeCatalog.AssembledCodes());
    }

    [Fact]
    public async Task The_scan_finds_every_code_the_fixture_produces()
    {
        var findings = await CheckFixture.CheckAsync();

        var codes = DiagnosticCodeCatalog.Codes();

        Assert.All(findings.Diagnostics, d => Assert.True(codes.ContainsKey(d.Code), d.Code + " is emitted but not found by the source scan"));
        Assert.True(codes.Count > 80, $"only {codes.Count} codes found: is the scan reading the sources?");
    }

    [Fact]
    public void A_table_row_counts_only_with_an_example_and_a_fix()
    {
        const string markdown = """
            | code | severity | example | fix |
            |---|---|---|---|
            | AB001 | error | `x.md:1:1: error AB001: …` | do this |
            | `AB002` | warning | | do that |
            | AB003 | warning | an example | |

            | code | meaning |
            |---|---|
            | AB004 | no example column |
            """;

        Assert.Equal(["AB001"], CodeDocumentation.DocumentedCodes(markdown));
    }

    [Fact]
    public void A_heading_counts_with_a_fenced_example_and_a_fix_paragraph()
    {
        const string markdown = """
            #### AB010 – something
            ```
            x.md:1:1: error AB010: something
            ```
            Fix: do this.

            #### AB011 – no fix given
            ```
            x.md:1:1: error AB011: other
            ```
            """;

        Assert.Equal(["AB010"], CodeDocumentation.DocumentedCodes(markdown));
    }
}

namespace Handbook.JobFamilies.Tests.Redirects;

using Handbook.JobFamilies.Redirects;
using Handbook.Pipeline.Diagnostics;

public class RedirectDataReaderTests
{
    private const string Path = "data/redirects.yml";

    private static (RedirectTable Table, List<Diagnostic> Diagnostics) Read(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var table = RedirectDataReader.Read(Path, yaml, diagnostics);
        return (table, diagnostics);
    }

    private static string Codes(IEnumerable<Diagnostic> diagnostics) => string.Join(" ", diagnostics.Select(d => $"{d.Code}@{d.Location.Line}:{d.Location.Column}"));

    [Fact]
    public void Given_gitlabs_format_When_read_Then_sources_targets_operators_and_positions_are_kept()
    {
        var (table, diagnostics) = Read("""
            - sources: /job-families/a/old/
              target: /job-families/a/new/
              comp_op: '='
            - sources:
              - /job-families/b/
              - /job-families/b
              target: /job-families/c/
              comp_op: ^~
            - sources: /roles/
              target: https://example.com/jobs/
              comp_op: '~'
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(3, table.Entries.Count);
        var first = table.Entries[0];
        Assert.Equal(RedirectMatch.Exact, first.Match);
        Assert.Equal("/job-families/a/new/", first.Target);
        Assert.Equal((1, 3), (first.Line, first.Column));
        Assert.Equal((1, 12), (first.Sources[0].Line, first.Sources[0].Column));
        Assert.Equal((2, 11), (first.TargetLine, first.TargetColumn));
        Assert.Equal(["/job-families/b/", "/job-families/b"], table.Entries[1].Sources.Select(s => s.Path));
        Assert.Equal(RedirectMatch.Prefix, table.Entries[1].Match);
        Assert.Equal(RedirectMatch.Pattern, table.Entries[2].Match);
        Assert.False(table.Entries[2].TargetIsPath);
    }

    [Fact]
    public void Given_an_empty_file_When_read_Then_no_redirects_and_no_diagnostics()
    {
        var (table, diagnostics) = Read("# nothing yet\n");

        Assert.Empty(table.Entries);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("sources: /a\ntarget: /b\n", "REDIR001@1:1")]
    [InlineData("- sources: [/a\n", "REDIR001@2:1")]
    [InlineData("- just a string\n", "REDIR002@1:3")]
    [InlineData("- target: /b\n", "REDIR002@1:3")]
    [InlineData("- sources: /a\n", "REDIR002@1:3")]
    [InlineData("- sources: []\n  target: /b\n", "REDIR002@1:12")]
    [InlineData("- sources: /a\n  target: [/b, /c]\n", "REDIR002@2:11")]
    [InlineData("- sources: /a b\n  target: /c\n", "REDIR002@1:12")]
    [InlineData("- sources: /a\n  target: /b\n  comp_op: '=='\n", "REDIR003@3:12")]
    [InlineData("- sources: /a\n  target: /b\n  comp-op: '='\n", "REDIR004@3:3")]
    [InlineData("- sources: (unclosed\n  target: /b\n  comp_op: '~'\n", "REDIR007@1:12")]
    public void Given_a_bad_entry_When_read_Then_one_diagnostic_at_its_line(string yaml, string expected)
    {
        var (_, diagnostics) = Read(yaml);

        Assert.Equal(expected, Codes(diagnostics));
    }

    [Fact]
    public void Given_a_bad_entry_among_good_ones_When_read_Then_the_good_ones_are_kept()
    {
        var (table, diagnostics) = Read("""
            - sources: /a/
              target: /b/
            - sources: /c/
              comp_op: '='
            - sources: /d/
              target: /e/
              comp_op: '?'
            - sources: /f/
              target: /g/
            """);

        Assert.Equal("REDIR002@3:3 REDIR003@7:12", Codes(diagnostics));
        Assert.Equal(["/a/", "/f/"], table.Entries.Select(e => e.Sources[0].Path));
    }

    [Fact]
    public void Given_paths_without_a_leading_slash_When_read_Then_warned_and_used_with_one()
    {
        var (table, diagnostics) = Read("- sources: job-families/x/old\n  target: job-families/x/new/\n");

        Assert.Equal("REDIR005@2:11 REDIR005@1:12", Codes(diagnostics));
        Assert.Equal("/job-families/x/old", table.Entries[0].Sources[0].Path);
        Assert.Equal("/job-families/x/new/", table.Entries[0].Target);
        Assert.Equal("write target: /job-families/x/new/", diagnostics[0].Hint);
    }

    [Fact]
    public void Given_the_same_source_in_two_entries_When_read_Then_the_second_is_warned_but_slash_variants_in_one_entry_are_not()
    {
        var (_, diagnostics) = Read("""
            - sources: [/a, /a/]
              target: /b/
            - sources: /a/
              target: /c/
            """);

        Assert.Equal("REDIR006@3:12", Codes(diagnostics));
        Assert.Contains("line 1", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/job-families/old/", "/job-families/new/")]
    [InlineData("/job-families/old", "/job-families/new/")]
    [InlineData("/job-families/moved/deep/page/", "/job-families/prefix/")]
    [InlineData("/job-families/moved", "/job-families/prefix/")]
    [InlineData("/job-families/moved-elsewhere/", null)]
    [InlineData("/roles/anything", "/job-families/")]
    [InlineData("/job-families/moved/special/", "/job-families/special/")]
    public void Given_exact_prefix_and_pattern_rules_When_a_path_is_looked_up_Then_exact_wins_then_the_longest_prefix_then_patterns(string path, string? target)
    {
        var (table, diagnostics) = Read("""
            - sources: /roles/
              target: /job-families/
              comp_op: '~'
            - sources: /job-families/moved/
              target: /job-families/prefix/
              comp_op: '^~'
            - sources: /job-families/moved/special
              target: /job-families/special/
              comp_op: '^~'
            - sources: /job-families/old/
              target: /job-families/new/
              comp_op: '='
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(target, table.Find(path)?.Target);
    }

    [Fact]
    public void Given_redirects_in_a_chain_or_a_circle_When_followed_Then_every_hop_is_listed_and_a_circle_is_flagged()
    {
        var (table, _) = Read("""
            - sources: /a/
              target: /b/
            - sources: /b/
              target: /c/#anchor
            - sources: /x/
              target: /y/
            - sources: /y
              target: /x/
            """);

        var chain = table.Follow("/a", out var chainLoops);
        var circle = table.Follow("/x/", out var circleLoops);

        Assert.Equal(["/b/", "/c/#anchor"], chain.Select(h => h.Target));
        Assert.False(chainLoops);
        Assert.True(circleLoops);
        Assert.Equal(2, circle.Count);
    }
}

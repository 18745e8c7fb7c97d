namespace Handbook.JobFamilies.Tests.Erb;

using Handbook.JobFamilies.Erb;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Xunit.Abstractions;

public sealed class ErbCorpusTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Every_erb_page_of_the_corpus_expands_without_errors_and_leaves_no_tag()
    {
        var env = new CorpusErbEnvironment();
        var erbPages = env.InputPaths.Where(p => p.EndsWith(".erb", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith('_')).ToList();
        var tagsSeen = 0;

        foreach (var page in erbPages)
        {
            var text = env.Read(page);
            tagsSeen += ErbScanner.FindTags(text).Count;
            var diags = new List<Diagnostic>();

            var result = ErbExpander.Expand(page, text, env, diags);

            foreach (var d in diags)
            {
                output.WriteLine(d.Format());
            }

            Assert.DoesNotContain(diags, d => d.Severity == Severity.Error);
            Assert.DoesNotContain("<%", result.Text, StringComparison.Ordinal);
        }

        output.WriteLine($"{erbPages.Count} .erb pages, {tagsSeen} ERB tags expanded");
        // 18 pages were .html.md.erb in the snapshot; 11 tags among them (5 job_families, 6 partial calls).
        Assert.Equal(18, erbPages.Count);
        Assert.Equal(11, tagsSeen);
    }

    [CorpusFact]
    public void The_sales_performance_partial_renders_each_pages_role_name_and_maps_back_to_the_partial()
    {
        var env = new CorpusErbEnvironment();
        var callers = env.InputPaths
            .Where(p => env.Read(p).Contains("partial(\"job-families/sales/performance\"", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(6, callers.Count);
        foreach (var page in callers)
        {
            var text = env.Read(page);
            var roleName = ErbScanner.FindTags(text)
                .Select(t => RubyExpressionParser.Parse(t.Code))
                .OfType<RubyCall>()
                .Select(c => ((RubyHash)((RubyHash)c.Arguments[1]).Get("locals")!).Get("roleName"))
                .OfType<RubyString>()
                .Single().Value;
            var diags = new List<Diagnostic>();

            var result = ErbExpander.Expand(page, text, env, diags);

            Assert.Empty(diags);
            var lines = result.Text.Split('\n');
            var index = Array.FindIndex(lines, l => l.Contains($"the {roleName} participates in the [Sales KPIs]", StringComparison.Ordinal));
            Assert.True(index >= 0, $"{page}: role name {roleName} not rendered");
            Assert.Equal(new SourceLocation("job-families/sales/_performance.erb", 3, 1), result.Map.Locate(index, 0));
            output.WriteLine($"{page}: {roleName}");
        }
    }

    [CorpusFact]
    public void Job_families_calls_list_the_pages_below_their_folder()
    {
        var env = new CorpusErbEnvironment();
        var diags = new List<Diagnostic>();
        const string page = "job-families/chief-executive-officer/index.html.md.erb";

        var result = ErbExpander.Expand(page, env.Read(page), env, diags);

        Assert.Empty(diags);
        Assert.Contains("- [Chief of Staff to the CEO](/job-families/chief-executive-officer/chief-of-staff/)", result.Text, StringComparison.Ordinal);
    }
}

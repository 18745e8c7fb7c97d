namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>Prints the outline of real pages named in HANDBOOK_OUTLINE (comma separated) for manual spot checks.</summary>
public sealed class CorpusOutlineDump(ITestOutputHelper output)
{
    [CorpusFact]
    public void Given_pages_named_in_the_environment_When_parsed_Then_their_outline_is_printed()
    {
        var names = (Environment.GetEnvironmentVariable("HANDBOOK_OUTLINE") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names)
        {
            var file = SharedCorpus.PathOf(Path.Combine("gitlab-job-families", name));
            var diagnostics = new List<Diagnostic>();
            var family = new JobFamilyParser().Parse("job-families/" + name, File.ReadAllText(file), diagnostics);
            output.WriteLine("=== " + name);
            output.WriteLine(FamilyOutline.Of(family));
            foreach (var d in diagnostics)
            {
                output.WriteLine(d.Format());
            }
        }

        Assert.NotNull(names);
    }
}

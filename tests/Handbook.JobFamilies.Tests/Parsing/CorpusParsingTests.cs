namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>Parses every real page of the corpus (read in place, never copied) and checks the structure found.</summary>
public sealed class CorpusParsingTests(ITestOutputHelper output)
{
    private static readonly JobFamilyParser Parser = new();

    [CorpusFact]
    public void Given_all_real_pages_When_parsed_Then_each_has_a_title_and_pages_with_levels_yield_levels()
    {
        var root = SharedCorpus.PathOf("gitlab-job-families");
        var files = Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 170, $"expected the 171 corpus pages, found {files.Count}");

        int withLevels = 0, withSpecialties = 0, withPageRole = 0, withNone = 0;
        var missingLevels = new List<string>();
        foreach (var file in files)
        {
            var relative = "job-families/" + Path.GetRelativePath(root, file).Replace('\\', '/');
            var diagnostics = new List<Diagnostic>();
            var family = Parser.Parse(relative, File.ReadAllText(file), diagnostics);

            Assert.False(string.IsNullOrWhiteSpace(family.Title), relative);
            // A "Levels" heading over a plain list of links is a ladder pointing at other pages, not levels of this one.
            var hasLevelsHeading = Flatten(family.Sections).Any(s => s.Kind == SectionKind.Levels && s.Items.Count == 0);
            if (hasLevelsHeading && family.Levels.Count == 0)
            {
                missingLevels.Add(relative);
            }

            // Role sections that no role took: a sign the structure was misread.
            var taken = family.Roles.SelectMany(r => r.Sections).ToHashSet();
            foreach (var stray in Flatten(family.Sections).Where(s => s.Kind is SectionKind.JobGrade or SectionKind.Responsibilities or SectionKind.Requirements && !taken.Contains(s)))
            {
                output.WriteLine($"  stray {stray.Kind} '{stray.Title}' at {stray.Location}");
            }

            withLevels += family.Levels.Count > 0 ? 1 : 0;
            withSpecialties += family.Specialties.Count > 0 ? 1 : 0;
            withPageRole += family.PageRole is not null ? 1 : 0;
            withNone += family.Roles.Any() ? 0 : 1;
            foreach (var role in family.Levels.Concat(family.Specialties))
            {
                output.WriteLine($"  role {role.Kind} '{role.Name}' grade={(role.JobGrade is null ? "no" : "yes")} resp={role.Responsibilities?.Items.Count ?? -1} req={role.Requirements?.Items.Count ?? -1}");
            }

            output.WriteLine($"{relative}: levels={family.Levels.Count} specialties={family.Specialties.Count} page-role={(family.PageRole is null ? "no" : "yes")} diagnostics={diagnostics.Count}");
        }

        output.WriteLine($"pages={files.Count} with-levels={withLevels} with-specialties={withSpecialties} with-page-role={withPageRole} with-no-role={withNone}");
        Assert.True(missingLevels.Count == 0, "pages with a Levels heading but no level: " + string.Join(", ", missingLevels));
    }

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) =>
        sections.SelectMany(s => Flatten(s.Children).Prepend(s));
}

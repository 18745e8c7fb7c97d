namespace Handbook.Site.Tests.Reliability;

using Handbook.JobFamilies.Parsing;
using Handbook.Site.Tests.Support;
using Xunit.Abstractions;

/// <summary>
/// The mistake catalogue on real Hugo-era pages (<see cref="HugoPages"/>, read in place): the Hugo mistakes of
/// <see cref="HugoContributorMistakes"/> and the general ones of <see cref="ContributorMistakes"/> (those that fit no
/// Hugo-era page are listed with 0 pages), each reported at its line with its code and a hint
/// (<see cref="MistakeCatalogueRun"/>); and the mistakes made with files rather than text – a split family's
/// <c>_index.md</c> deleted, named <c>index.md</c>, or copied to <c>index.md</c>.
/// </summary>
public sealed class HugoContributorMistakeCatalogueTests(ITestOutputHelper output)
{
    [HugoPagesFact]
    public async Task Every_catalogued_mistake_on_every_real_hugo_page_is_reported_at_its_line_with_its_code_and_a_hint()
    {
        using var folder = new TempFolder();
        var pages = LayOut(folder);
        var hugo = await MistakeCatalogueRun.RunAsync(folder, pages, HugoContributorMistakes.All, output, everyMistakeFits: !HugoPages.IsSharedSample);
        var general = await MistakeCatalogueRun.RunAsync(folder, pages, ContributorMistakes.All.Select(MistakeCatalogueRun.Mistake.Of).ToList(), output, everyMistakeFits: false);

        var failures = hugo.Concat(general).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)) + (failures.Count > 40 ? $"\n… and {failures.Count - 40} more" : string.Empty));
    }

    [HugoPagesFact]
    public async Task A_split_familys_index_page_deleted_renamed_or_copied_is_PAGE002_or_PAGE001_at_the_right_file()
    {
        using var folder = new TempFolder();
        var pages = LayOut(folder);
        var families = pages.Where(p => p.Relative.EndsWith("/_index.md", StringComparison.Ordinal))
            .Select(p => (Index: p.Relative, Folder: p.Relative[..^"_index.md".Length], p.Text))
            .Where(f => pages.Any(p => p.Relative != f.Index && p.Relative.StartsWith(f.Folder, StringComparison.Ordinal) && !p.Relative[f.Folder.Length..].Contains('/', StringComparison.Ordinal) && HasWeight(p.Text)))
            .ToList();
        output.WriteLine($"{families.Count} split families with weighted level pages: {string.Join(", ", families.Select(f => f.Folder))}");
        Assert.NotEmpty(families);

        var failures = new List<string>();
        foreach (var (mistake, code, edit) in new (string, string, Func<string, string, string, string>)[]
        {
            ("_index.md deleted", "PAGE002", (index, _, _) => { File.Delete(folder["input/" + index]); return FirstLevelPage(pages, index); }),
            ("_index.md named index.md", "PAGE002", (index, dir, _) => { File.Move(folder["input/" + index], folder["input/" + dir + "index.md"]); return dir + "index.md"; }),
            ("_index.md copied to index.md", "PAGE001", (_, dir, text) => { folder.Write("input/" + dir + "index.md", text); return dir + "index.md"; }),
        })
        {
            var expected = families.Select(f => edit(f.Index, f.Folder, f.Text)).ToList();
            var diagnostics = await MistakeCatalogueRun.CheckAsync(folder);
            foreach (var f in families)
            {
                File.Delete(folder["input/" + f.Folder + "index.md"]);
                folder.Write("input/" + f.Index, f.Text);
            }

            failures.AddRange(diagnostics.Where(d => d.Code.StartsWith("INTERNAL", StringComparison.Ordinal)).Select(d => $"{mistake}: {d.Format()}"));
            foreach (var path in expected)
            {
                if (!diagnostics.Any(d => d.Code == code && d.Location.Path == path && d.Location.Line == 1 && !string.IsNullOrWhiteSpace(d.Hint)))
                {
                    failures.Add($"{mistake}: expected {code} at {path}:1, got {string.Join(" | ", diagnostics.Where(d => d.Location.Path.StartsWith(path[..path.LastIndexOf('/')], StringComparison.Ordinal) && d.Code.StartsWith("PAGE", StringComparison.Ordinal)).Select(d => d.Format()))}");
                }
            }

            output.WriteLine($"{mistake,-40} {code} {expected.Count} folders");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool HasWeight(string text) => FrontMatterReader.Read("x.md", text).FrontMatter.Values.ContainsKey("weight");

    private static string FirstLevelPage(IReadOnlyList<(string Relative, string Text)> pages, string index)
    {
        var dir = index[..^"_index.md".Length];
        return pages.Where(p => p.Relative != index && p.Relative.StartsWith(dir, StringComparison.Ordinal) && !p.Relative[dir.Length..].Contains('/', StringComparison.Ordinal) && HasWeight(p.Text))
            .Select(p => p.Relative)
            .Order(StringComparer.Ordinal)
            .First();
    }

    /// <summary>The real Hugo-era pages below <c>input/job-families/</c> (and their grade table when there is one).</summary>
    private static List<(string Relative, string Text)> LayOut(TempFolder folder)
    {
        var source = HugoPages.JobFamiliesFolder ?? throw new InvalidOperationException(HugoPages.MissingReason);
        var pages = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(source, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = "job-families/" + Path.GetRelativePath(source, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            folder.Write("input/" + relative, text);
            if (FamilyPath.TryParse(relative, out _))
            {
                pages.Add((relative, text));
            }
        }

        if (HugoPages.GradesFile is { } grades)
        {
            folder.Write("input/data/job-grades.yml", File.ReadAllText(grades));
        }
        else if (HugoPages.IsSharedSample)
        {
            // The grade mistakes need a table to be wrong against: the shared calculator's, as the corpus tests import it.
            Corpus.CorpusBuildTests.ImportGrades(folder);
        }

        return pages;
    }
}

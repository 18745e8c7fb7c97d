namespace Handbook.Benchmarks;

using System.Diagnostics;

/// <summary>
/// The pages the benchmarks run on: two synthetic pages of the bench corpus (the smallest and the largest of the
/// first 20 families that <c>shared/bench/gen-corpus.py</c> writes, so the same on every machine) and the project's
/// own sample page <c>input/job-families/engineering/backend-engineer.md</c>, plus the grade data each uses.
/// </summary>
public static class BenchmarkPages
{
    public const string SyntheticSmall = "synthetic-small";

    public const string SyntheticLarge = "synthetic-large";

    public const string Sample = "sample";

    public static IEnumerable<string> All => [SyntheticSmall, SyntheticLarge, Sample];

    private static readonly Lazy<IReadOnlyDictionary<string, BenchmarkPage>> Pages = new(Load);

    public static BenchmarkPage Get(string name) =>
        Pages.Value.TryGetValue(name, out var page) ? page : throw new ArgumentException($"unknown benchmark page '{name}'", nameof(name));

    private static Dictionary<string, BenchmarkPage> Load()
    {
        var repository = FindUp(AppContext.BaseDirectory, "handbook-site.sln") ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
        var pages = new Dictionary<string, BenchmarkPage>(StringComparer.Ordinal);
        var sampleInput = Path.Combine(repository, "input");
        pages[Sample] = Read(sampleInput, "job-families/engineering/backend-engineer.md");

        var generator = FindUp(repository, Path.Combine("shared", "bench", "gen-corpus.py"));
        if (generator is null)
        {
            Console.Error.WriteLine("shared/bench/gen-corpus.py not found: the synthetic pages are replaced by the sample page");
            pages[SyntheticSmall] = pages[Sample];
            pages[SyntheticLarge] = pages[Sample];
            return pages;
        }

        var corpus = Path.Combine(Path.GetTempPath(), "handbook-benchmarks-corpus-20");
        if (!File.Exists(Path.Combine(corpus, "input", "data", "job-grades.yml")))
        {
            using var python = Process.Start(new ProcessStartInfo("python3", [Path.Combine(generator, "shared", "bench", "gen-corpus.py"), "20", "--out", corpus]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("python3 could not be started");
            python.StandardOutput.ReadToEnd();
            python.WaitForExit();
        }

        var input = Path.Combine(corpus, "input");
        var files = Directory.EnumerateFiles(Path.Combine(input, "job-families"), "*.md", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(input, f).Replace('\\', '/'), Size: new FileInfo(f).Length))
            .OrderBy(f => f.Size)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        pages[SyntheticSmall] = Read(input, files[0].Path);
        pages[SyntheticLarge] = Read(input, files[^1].Path);
        return pages;
    }

    private static BenchmarkPage Read(string input, string relativePath) =>
        new(relativePath, File.ReadAllText(Path.Combine(input, relativePath)), File.ReadAllText(Path.Combine(input, "data", "job-grades.yml")));

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <paramref name="relative"/>.</summary>
    private static string? FindUp(string start, string relative)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, relative)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>One page's text (front matter included) and the grade data file it is built with.</summary>
public sealed record BenchmarkPage(string SourcePath, string Text, string GradesYaml);

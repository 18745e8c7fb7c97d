namespace Handbook.JobFamilies.Tests.Erb;

using Handbook.JobFamilies.Erb;
using Handbook.Testing;

/// <summary>
/// The real corpus laid out under its original input-relative names (from MANIFEST.tsv, without the
/// <c>sites/uncategorized/source/</c> prefix), as the app would present it to the ERB expander.
/// </summary>
internal sealed class CorpusErbEnvironment : IErbEnvironment
{
    private const string SourcePrefix = "sites/uncategorized/source/";

    private readonly Dictionary<string, string> _savedByInputPath = new(StringComparer.Ordinal);

    public CorpusErbEnvironment()
    {
        foreach (var line in File.ReadLines(SharedCorpus.PathOf("gitlab-job-families/MANIFEST.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length > 1 && columns[1].StartsWith(SourcePrefix, StringComparison.Ordinal))
            {
                _savedByInputPath[columns[1][SourcePrefix.Length..]] = columns[0];
            }
        }
    }

    /// <summary>Input-relative paths of every page and partial.</summary>
    public IEnumerable<string> InputPaths => _savedByInputPath.Keys.Order(StringComparer.Ordinal);

    public string Read(string inputPath) =>
        File.ReadAllText(SharedCorpus.PathOf("gitlab-job-families/" + _savedByInputPath[inputPath]));

    public IReadOnlyList<FamilyLink> FamiliesIn(string folder)
    {
        var prefix = "job-families/" + folder + "/";
        return _savedByInputPath.Keys
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.Contains("/index.html.md", StringComparison.Ordinal))
            .Select(p => p[..p.IndexOf("/index.html.md", StringComparison.Ordinal)])
            .Where(dir => dir.Length > prefix.Length && !dir[prefix.Length..].Contains('/', StringComparison.Ordinal))
            .Select(dir => new FamilyLink(TitleOf(Read(dir + "/index.html.md" + (_savedByInputPath.ContainsKey(dir + "/index.html.md") ? string.Empty : ".erb"))), "/" + dir + "/"))
            .ToList();
    }

    public bool TryReadInclude(string inputRelativePath, out string text)
    {
        if (_savedByInputPath.ContainsKey(inputRelativePath))
        {
            text = Read(inputRelativePath);
            return true;
        }

        text = string.Empty;
        return false;
    }

    private static string TitleOf(string page)
    {
        var line = page.Split('\n').FirstOrDefault(l => l.StartsWith("title:", StringComparison.Ordinal)) ?? "title: ?";
        return line["title:".Length..].Trim().Trim('"', '\'');
    }
}

namespace Handbook.Site.Tests.Check;

using System.Text.RegularExpressions;
using Handbook.Testing;

/// <summary>
/// Finds every diagnostic code the code base can emit by reading the sources under <c>src/</c>: a code is a string
/// literal that is exactly letters and three digits (<c>"GRADE001"</c>), whether it sits in a <c>*Codes.cs</c>
/// constant or inline in <c>Diagnostic.Error("FM001", …)</c>. Reading the sources, not a registry or reflection,
/// means a new code cannot hide: any way of writing it as a literal is seen. Codes assembled at run time
/// (<c>$"GRADE{n}"</c>) would escape the scan, so <see cref="AssembledCodes"/> finds those to forbid them.
/// </summary>
public static partial class DiagnosticCodeCatalog
{
    public static readonly string SourceFolder = Path.Combine(SharedCorpus.RepositoryRoot, "src");

    /// <summary>Every code, with the source files that mention it (repository-relative).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Codes()
    {
        var codes = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (file, text) in Sources())
        {
            foreach (Match match in CodeLiteral().Matches(text))
            {
                var code = match.Groups["code"].Value;
                if (!codes.TryGetValue(code, out var files))
                {
                    codes[code] = files = [];
                }

                if (!files.Contains(file))
                {
                    files.Add(file);
                }
            }
        }

        return codes.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value, StringComparer.Ordinal);
    }

    /// <summary>Places that build a code from parts (<c>$"KD00{n}"</c>, <c>"GRADE" + id</c>): "file: text".</summary>
    public static IReadOnlyList<string> AssembledCodes() =>
        Sources()
            .SelectMany(s => AssembledCode().Matches(s.Text).Select(m => $"{s.File}: {m.Value}"))
            .ToList();

    private static IEnumerable<(string File, string Text)> Sources() =>
        Directory.EnumerateFiles(SourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(SharedCorpus.RepositoryRoot, f).Replace('\\', '/'), File.ReadAllText(f)));

    [GeneratedRegex("\"(?<code>[A-Z]{2,}[0-9]{3})\"")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex("\\$\"[A-Z]{2,}[0-9]{0,2}\\{|\"[A-Z]{2,}[0-9]{0,2}\"\\s*\\+")]
    private static partial Regex AssembledCode();
}

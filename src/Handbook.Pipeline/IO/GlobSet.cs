namespace Handbook.Pipeline.IO;

using Microsoft.Extensions.FileSystemGlobbing;

/// <summary>
/// Include globs (<c>job-families/**/*.md</c>, <c>data/*.yml</c>) and excludes (a leading '!') over
/// input-relative, '/'-separated paths. Matching is case-sensitive on every platform, so a build selects the same
/// files on a developer's Mac as in Linux CI.
/// </summary>
public sealed class GlobSet
{
    private readonly Matcher _matcher = new(StringComparison.Ordinal);
    private readonly List<string[]> _includeSegments = [];

    public GlobSet(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var written in patterns)
        {
            var pattern = Normalise(written);
            if (pattern.StartsWith('!'))
            {
                _matcher.AddExclude(pattern[1..]);
            }
            else
            {
                _matcher.AddInclude(pattern);
                _includeSegments.Add(pattern.Split('/'));
            }
        }
    }

    /// <summary>True when the input-relative file path is selected.</summary>
    public bool Matches(string relativePath) => _matcher.Match(relativePath).HasMatches;

    /// <summary>
    /// True when some include pattern could select a file below the input-relative folder. Conservative (a
    /// wildcard segment counts as matching), so it may walk a folder for nothing but never misses a file.
    /// </summary>
    public bool CouldMatchBelow(string relativeFolder)
    {
        var folder = relativeFolder.Split('/');
        return _includeSegments.Any(pattern => PrefixCouldMatch(pattern, folder));
    }

    private static bool PrefixCouldMatch(string[] pattern, string[] folder)
    {
        for (var i = 0; i < folder.Length; i++)
        {
            // The last pattern segment names files, so a folder deeper than the pattern's folders cannot match.
            if (i >= pattern.Length - 1)
            {
                return false;
            }

            var segment = pattern[i];
            if (segment == "**")
            {
                return true;
            }

            if (!HasWildcard(segment) && !string.Equals(segment, folder[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>'./data/*.yml' and 'data/*.yml' mean the same; only the second form is compared segment by segment.</summary>
    private static string Normalise(string pattern)
    {
        var exclude = pattern.StartsWith('!');
        var body = exclude ? pattern[1..] : pattern;
        while (body.StartsWith("./", StringComparison.Ordinal))
        {
            body = body[2..];
        }

        return exclude ? "!" + body : body;
    }

    private static bool HasWildcard(string segment) => segment.AsSpan().IndexOfAny('*', '?', '[') >= 0;
}

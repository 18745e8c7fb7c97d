namespace Handbook.JobFamilies.Versions;

/// <summary>
/// Folds consecutive versions whose content is the same (after normalising) into the older one, so a
/// whitespace-only commit does not appear as a version of its own. The folded version stays visible in
/// <see cref="PageVersion.Folded"/> with the reason.
/// </summary>
public static class VersionFolding
{
    public const string WhitespaceReason = "whitespace-only change";

    /// <summary>
    /// Folds <paramref name="newestFirst"/>. <paramref name="content"/> gives the text to compare for a version (the
    /// page source, or – for the integrator's second pass – the rendered page); null means unknown, never folded.
    /// <paramref name="normalise"/> defaults to <see cref="NormaliseWhitespace"/>. With
    /// <paramref name="requireSameGradeData"/> (the default, right for page sources) a version is not folded across
    /// a change of the grade table, because it renders differently; pass false when comparing rendered output.
    /// </summary>
    public static IReadOnlyList<PageVersion> Fold(
        IReadOnlyList<PageVersion> newestFirst,
        Func<PageVersion, string?> content,
        Func<string, string>? normalise = null,
        string reason = WhitespaceReason,
        bool requireSameGradeData = true)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(content);
        normalise ??= NormaliseWhitespace;

        // Walk oldest → newest so that a run of equal versions collapses into its oldest member.
        var kept = new List<(PageVersion Version, string? Key, List<FoldedVersion> Folded)>();
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var version = newestFirst[i];
            var text = content(version);
            var key = text is null ? null : normalise(text);
            if (kept.Count > 0)
            {
                var older = kept[^1];
                var sameGrades = !requireSameGradeData || older.Version.GradeDataBlobSha == version.GradeDataBlobSha;
                if (key is not null && older.Key is not null && sameGrades && string.Equals(key, older.Key, StringComparison.Ordinal))
                {
                    older.Folded.Add(new FoldedVersion(version, reason));
                    older.Folded.AddRange(version.Folded);
                    continue;
                }
            }

            kept.Add((version, key, [.. version.Folded]));
        }

        var result = new List<PageVersion>(kept.Count);
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            var (version, _, folded) = kept[i];
            result.Add(folded.Count == version.Folded.Count ? version : version with { Folded = folded });
        }

        return result;
    }

    /// <summary>
    /// Normalises what does not change the rendered page: line endings, trailing spaces and tabs, runs of blank
    /// lines, and blank lines at the start and end. Two-space hard breaks are trailing spaces too; dropping them is
    /// accepted (a version differing only in a hard break is folded, and the rendered-content pass can refine that).
    /// </summary>
    public static string NormaliseWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // One pass over the lines (CRLF, CR and LF each end one), appending each non-blank line without its trailing
        // spaces and tabs: every version's text is normalised in every versioned build, and splitting it into a
        // string per line was most of what discovering the versions allocated (issue 9).
        var builder = new System.Text.StringBuilder(text.Length + 1);
        var pendingBlank = false;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            end = end < 0 ? text.Length : start + end;
            var line = text.AsSpan(start, end - start).TrimEnd(" \t");
            if (line.Length == 0)
            {
                pendingBlank = builder.Length > 0;
            }
            else
            {
                if (pendingBlank)
                {
                    builder.Append('\n');
                    pendingBlank = false;
                }

                builder.Append(line).Append('\n');
            }

            start = end + (end + 1 < text.Length && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
        }

        return builder.ToString();
    }
}

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

        // With the default normalisation the texts themselves are kept and compared as normalised
        // (SameAfterNormalising) without making the normalised copy of every version's text (issue 9).
        if (normalise is null)
        {
            return FoldCore(newestFirst, content, SameAfterNormalising, reason, requireSameGradeData);
        }

        return FoldCore(
            newestFirst,
            version => content(version) is { } text ? normalise(text) : null,
            static (older, newer) => string.Equals(older, newer, StringComparison.Ordinal),
            reason,
            requireSameGradeData);
    }

    /// <summary>
    /// <see cref="Fold"/> with the default normalisation, where <paramref name="sameAfterNormalising"/> answers for two
    /// versions (the oldest of the run so far, then the newer one) what comparing their texts would: both texts known
    /// and equal after <see cref="NormaliseWhitespace"/>. The answer depends on the two texts only, so a caller can
    /// remember it by the two blobs across builds instead of reading every version's text (issue 9).
    /// </summary>
    public static IReadOnlyList<PageVersion> FoldWhere(
        IReadOnlyList<PageVersion> newestFirst,
        Func<PageVersion, PageVersion, bool> sameAfterNormalising,
        string reason = WhitespaceReason)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(sameAfterNormalising);
        return FoldCore(newestFirst, static version => version, sameAfterNormalising, reason, requireSameGradeData: true);
    }

    // Walks oldest → newest so that a run of equal versions collapses into its oldest member; a null key is never folded.
    private static List<PageVersion> FoldCore<TKey>(
        IReadOnlyList<PageVersion> newestFirst,
        Func<PageVersion, TKey?> keyOf,
        Func<TKey, TKey, bool> same,
        string reason,
        bool requireSameGradeData)
        where TKey : class
    {
        var kept = new List<(PageVersion Version, TKey? Key, List<FoldedVersion> Folded)>();
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var version = newestFirst[i];
            var key = keyOf(version);
            if (kept.Count > 0)
            {
                var older = kept[^1];
                var sameGrades = !requireSameGradeData || older.Version.GradeDataBlobSha == version.GradeDataBlobSha;
                if (key is not null && older.Key is not null && sameGrades && same(older.Key, key))
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

    /// <summary>
    /// Whether <see cref="NormaliseWhitespace"/> makes the same text of <paramref name="a"/> and <paramref name="b"/>,
    /// found without making either: the normalised text is its non-blank lines (each without trailing spaces and
    /// tabs) with one blank line where runs of blank lines separated them, so two texts normalise alike exactly when
    /// they have the same non-blank lines with a blank run before the same ones (never before the first).
    /// </summary>
    public static bool SameAfterNormalising(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var left = new NonBlankLines(a);
        var right = new NonBlankLines(b);
        while (true)
        {
            var hasLeft = left.MoveNext();
            if (hasLeft != right.MoveNext())
            {
                return false;
            }

            if (!hasLeft)
            {
                return true;
            }

            if (left.BlankBefore != right.BlankBefore || !left.Line.SequenceEqual(right.Line))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// The non-blank lines of a text in order, as <see cref="NormaliseWhitespace"/> keeps them (CRLF, CR and LF each
    /// end a line; trailing spaces and tabs dropped), each with whether blank lines came between it and the one before.
    /// </summary>
    private ref struct NonBlankLines(string text)
    {
        private readonly string _text = text;
        private int _start;
        private bool _any;

        public ReadOnlySpan<char> Line { get; private set; }

        public bool BlankBefore { get; private set; }

        public bool MoveNext()
        {
            var blank = false;
            while (_start <= _text.Length)
            {
                var end = _text.AsSpan(_start).IndexOfAny('\r', '\n');
                end = end < 0 ? _text.Length : _start + end;
                var line = _text.AsSpan(_start, end - _start).TrimEnd(" \t");
                _start = end + (end + 1 < _text.Length && _text[end] == '\r' && _text[end + 1] == '\n' ? 2 : 1);
                if (line.Length == 0)
                {
                    blank = _any;
                    continue;
                }

                Line = line;
                BlankBefore = blank;
                _any = true;
                return true;
            }

            return false;
        }
    }
}

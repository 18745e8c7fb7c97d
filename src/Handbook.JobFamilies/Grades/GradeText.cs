namespace Handbook.JobFamilies.Grades;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;

/// <summary>
/// Reads the text of a link as a grade: <c>grade 7</c>, <c>Grade 7</c>, <c>grade #7</c>, <c>Job Grade 7</c>,
/// <c>9.5</c>, <c>level 10</c>, <c>7</c>, lists and ranges (<c>grade 11 or a grade 12</c>, <c>6, 7, 8</c>) and
/// <c>grade</c> with no number. Words other than these glue words make the text "not a grade" (e.g. "here"),
/// unless the text starts with a grade ("grade 7 (Senior)").
/// </summary>
internal static partial class GradeText
{
    private static readonly HashSet<string> GlueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "or", "and", "to", "the", "at", "-", "–", "—", "job", "level", "levels", "grade", "grades",
    };

    private static readonly char[] Separators = [' ', '\t', '\n', '\u00a0', ',', '/', '&', '(', ')', ':', ';', '#', '[', ']'];

    /// <summary>
    /// True for link text that names the grades in general – "Job Grades", "our grades", "grades and levels": glue
    /// words only, a plural "grades"/"levels" and no number. Such a link points at the grade table as a whole; it
    /// states no role's grade (Hugo-era pages: "Read more about GitLab [Job Grades](…#gitlab-job-grades)").
    /// </summary>
    public static bool NamesGradesInGeneral(string text)
    {
        var plural = false;
        var words = 0;
        foreach (var token in Words(text))
        {
            words++;
            if (!GlueWords.Contains(token) && !GeneralWords.Contains(token))
            {
                return false;
            }

            plural |= token.Equals("grades", StringComparison.OrdinalIgnoreCase) || token.Equals("levels", StringComparison.OrdinalIgnoreCase);
        }

        return words > 0 && plural;
    }

    /// <summary>The words of a link text, sentence punctuation at their end dropped (the same for every reading).</summary>
    private static IEnumerable<string> Words(string text)
    {
        foreach (var raw in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.TrimEnd('.', '!', '?');
            if (token.Length > 0)
            {
                yield return token;
            }
        }
    }

    /// <summary>Words besides the glue words that may stand around "grades" in a general reference.</summary>
    private static readonly HashSet<string> GeneralWords = new(StringComparer.OrdinalIgnoreCase) { "our", "gitlab", "gitlab's", "all" };

    /// <summary>Parses <paramref name="text"/>; null when it is not about a grade (also for grades in general, see <see cref="NamesGradesInGeneral"/>).</summary>
    public static GradeTextMatch? Read(string text)
    {
        if (NamesGradesInGeneral(text))
        {
            return null;
        }

        var values = new List<GradeId>();
        var saysGrade = false;
        var words = 0;
        var dashAfter = -1;
        foreach (var token in Words(text))
        {
            words++;
            if (GradeId.TryParse(token, out var id))
            {
                values.Add(id);
            }
            else if (GlueWords.Contains(token))
            {
                saysGrade |= token.StartsWith("grade", StringComparison.OrdinalIgnoreCase);
                dashAfter = token is "-" or "–" or "—" && dashAfter < 0 ? values.Count : dashAfter;
            }
            else
            {
                return Range(text) ?? LeadingGrade(text);
            }
        }

        if (words == 0 || (values.Count == 0 && !saysGrade))
        {
            return null;
        }

        // "grade 7 – 8": a range written with spaces, read like "grade 7-8" (Range).
        if (values.Count == 2 && dashAfter == 1 && values[1].Value > values[0].Value)
        {
            return new GradeTextMatch([values[0]], saysGrade) { RangeEnd = values[1] };
        }

        return new GradeTextMatch(values, saysGrade);
    }

    /// <summary>
    /// "grade 7-8", "Grades 8 – 9", a bare "[7-8](…)": a range of grades. A role has one grade, so the range's first
    /// grade is read (as "grade 7-8" always was, silently) and <see cref="GradeTextMatch.RangeEnd"/> lets the resolver
    /// say so (GRADE009).
    /// </summary>
    private static GradeTextMatch? Range(string text)
    {
        var match = RangePattern().Match(text);
        if (!match.Success || !GradeId.TryParse(match.Groups["n"].Value, out var first) || !GradeId.TryParse(match.Groups["m"].Value, out var last)
            || last.Value <= first.Value)
        {
            return null;
        }

        var saysGrade = match.Groups["grade"].Success;
        var whole = text[(match.Index + match.Length)..].Trim().TrimEnd('.', '!', '?').Length == 0;
        return new GradeTextMatch([first], saysGrade, whole) { RangeEnd = last };
    }

    [GeneratedRegex(@"^\s*(?:(?<grade>(?:job\s+)?grades?)\s*#?\s*)?(?<n>\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(?<m>\d+(?:\.\d+)?)(?![.,]?\d)(?![A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex RangePattern();

    private static GradeTextMatch? LeadingGrade(string text)
    {
        var match = LeadingGradePattern().Match(text);
        return match.Success && GradeId.TryParse(match.Groups["n"].Value, out var id) ? new GradeTextMatch([id], SaysGrade: true, IsWholeText: false) : null;
    }

    [GeneratedRegex(@"^\s*(?:job\s+)?grade\s*#?\s*(?<n>\d+(?:\.\d+)?)(?![.,]?\d)(?![A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LeadingGradePattern();
}

/// <summary>
/// The grade numbers in a text, whether it uses the word "grade" (bare numbers count only on calculator links) and
/// whether the whole text is about the grade (false for "grade 7 (Senior)", which counts only on calculator links).
/// </summary>
internal sealed record GradeTextMatch(IReadOnlyList<GradeId> Values, bool SaysGrade, bool IsWholeText = true)
{
    /// <summary>The last grade of a range ("grade 7-8": 8); null when the text names no range.</summary>
    public GradeId? RangeEnd { get; init; }
}

namespace Handbook.JobFamilies.Grades;

using System.Buffers;

/// <summary>What a link's URL says about the compensation calculator's grade table.</summary>
public enum CalculatorLinkKind
{
    /// <summary>The URL is not the compensation-calculator page.</summary>
    NotCalculator,

    /// <summary>
    /// <c>…/compensation-calculator/#gitlab-job-grades</c> (the usual form), or <c>#job-grades</c>: the heading of the
    /// general table right under "GitLab Job Grades" (<c>#### Job Grades</c> on the Hugo-era page, <c>#### Job Grades:</c>
    /// on the Middleman-era one), so a real anchor of the same table.
    /// </summary>
    TableAnchor,

    /// <summary><c>…/compensation-calculator/#grade-7</c> (already rewritten).</summary>
    GradeAnchor,

    /// <summary><c>…/compensation-calculator/</c> without an anchor.</summary>
    NoAnchor,

    /// <summary>Any other anchor on the calculator page (e.g. a department table such as <c>#customer-success</c>).</summary>
    OtherAnchor,
}

/// <summary>
/// Recognises links to the compensation calculator: root-relative (<c>/handbook/total-rewards/compensation/
/// compensation-calculator/</c>), absolute on a gitlab.com host, or relative ending in <c>compensation-calculator</c>,
/// with or without <c>index.html</c> and a trailing slash. A URL wrapped in parentheses (from <c>[x]((url))</c>) is
/// unwrapped first.
/// </summary>
public static class CalculatorLink
{
    private const string PageName = "compensation-calculator";

    // Printable ASCII except '%': a URL spelled only with these reaches the page name below only by containing it
    // literally (no escape that Uri could decode into it, no character it could drop or change).
    private static readonly SearchValues<char> PlainUrlCharacters = SearchValues.Create(
        "!\"#$&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    public static CalculatorLinkKind Classify(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return CalculatorLinkKind.NotCalculator;
        }

        // Most links of a page are not the calculator: one that does not even spell its page name is not read apart
        // (issue 9: the path, anchor and segment strings of every link of every block that mentions a grade).
        if (!url.Contains(PageName, StringComparison.OrdinalIgnoreCase) && !url.AsSpan().ContainsAnyExcept(PlainUrlCharacters))
        {
            return CalculatorLinkKind.NotCalculator;
        }

        return ClassifyParsed(url);
    }

    /// <summary><see cref="Classify"/> without the check that the page name is spelled: every URL taken apart.</summary>
    internal static CalculatorLinkKind ClassifyParsed(string url)
    {
        var value = Unwrap(url);
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? value : value[..hash];
        var anchor = hash < 0 ? string.Empty : value[(hash + 1)..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(path, UriKind.Absolute, out var uri) ||
                !(uri.Host.Equals("gitlab.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".gitlab.com", StringComparison.OrdinalIgnoreCase)))
            {
                return CalculatorLinkKind.NotCalculator;
            }

            path = uri.AbsolutePath;
        }

        if (path.EndsWith("/index.html", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"/index.html".Length];
        }

        var lastSegment = path.TrimEnd('/').Split('/')[^1];
        if (!lastSegment.Equals(PageName, StringComparison.OrdinalIgnoreCase))
        {
            return CalculatorLinkKind.NotCalculator;
        }

        return anchor.ToLowerInvariant() switch
        {
            "" => CalculatorLinkKind.NoAnchor,
            GradeTable.TableAnchor or GradeTable.GeneralTableAnchor => CalculatorLinkKind.TableAnchor,
            var a when a.StartsWith("grade-", StringComparison.Ordinal) => CalculatorLinkKind.GradeAnchor,
            _ => CalculatorLinkKind.OtherAnchor,
        };
    }

    /// <summary>True when the URL is wrapped in parentheses, as Markdig reads <c>[text]((url))</c>.</summary>
    public static bool IsWrapped(string? url) => url is not null && url.Trim().StartsWith('(');

    /// <summary>The anchor of a URL without '#', or an empty string.</summary>
    public static string AnchorOf(string url)
    {
        var value = Unwrap(url);
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? string.Empty : value[(hash + 1)..];
    }

    private static string Unwrap(string url)
    {
        var value = url.Trim();
        while (value.StartsWith('(') || value.StartsWith('<'))
        {
            value = value[1..].TrimEnd(')', '>');
        }

        return value.Trim();
    }
}

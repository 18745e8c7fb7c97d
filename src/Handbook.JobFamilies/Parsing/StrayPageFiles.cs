namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Text;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Files in the pages folder that look like pages but are not read as pages: a slip in the ending (<c>x.mb</c>,
/// <c>x.nd</c>, <c>x.md.erv</c>), no ending at all (<c>x</c>), a page ending in capitals (<c>x.MD</c>: the site reads
/// <c>*.md</c> only, the letter case counts), or a Markdown ending Hugo reads but this site does not
/// (<c>x.markdown</c>). Neither Hugo (for the first two) nor this site builds such a file, and nothing said so: the page
/// was simply missing (a Hugo-era <c>marketing/field-cto.mb</c>). Each is PAGE003, a warning at the file.
/// </summary>
/// <remarks>
/// Files that are legitimately not pages are left alone: every other ending (images, data, scripts: an ending two or
/// more letters away from <c>md</c> and <c>erb</c>), names starting with a dot (<c>.DS_Store</c>, <c>.gitkeep</c>),
/// files in dot folders, and the pages and partials themselves (<c>.md</c>, <c>.erb</c>; <c>_index.md</c> and
/// partials are told apart by <see cref="FamilyPath"/> as before). Pure: the caller lists the files.
/// </remarks>
public static class StrayPageFiles
{
    public const string Code = "PAGE003";

    // The endings the input globs read as text (case-sensitive, as the globs are).
    private static readonly string[] ReadEndings = ["md", "erb"];

    // Markdown endings Hugo builds as pages (its default content formats) that this site does not read.
    private static readonly string[] OtherMarkdownEndings = ["markdown", "mdown", "mkd", "mkdn", "mdwn"];

    /// <param name="paths">Input-relative paths ('/' separated) of the files under <c>job-families/</c>.</param>
    public static void Check(IEnumerable<string> paths, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var path in paths.Select(FamilyPath.Normalise).Order(StringComparer.Ordinal))
        {
            if (Check(path) is { } diagnostic)
            {
                diagnostics.Add(diagnostic);
            }
        }
    }

    /// <summary>The PAGE003 of one input-relative path, or null when the file is a page, a partial or no page at all.</summary>
    public static Diagnostic? Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith(FamilyPath.Root + "/", StringComparison.Ordinal)
            || path.Split('/').Any(segment => segment.StartsWith('.')))
        {
            return null;
        }

        var slash = path.LastIndexOf('/');
        var folder = path[..(slash + 1)];
        var name = path[(slash + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return Diagnostic.Warning(
                Code,
                $"'{path}' has no ending, so it is not a page: neither Hugo nor this site builds it",
                SourceLocation.File(path),
                $"if it is a page, rename it '{folder}{name}.md'; otherwise move it out of '{FamilyPath.Root}/'");
        }

        var stem = name[..dot];
        var ending = name[(dot + 1)..];
        if (stem.Length == 0 || ReadEndings.Contains(ending, StringComparer.Ordinal))
        {
            return null;
        }

        if (ReadEndings.FirstOrDefault(e => e.Equals(ending, StringComparison.OrdinalIgnoreCase)) is { } lower)
        {
            return Diagnostic.Warning(
                Code,
                $"'{path}' ends in '.{ending}', which this site does not read as a page: endings are read in lower case only",
                SourceLocation.File(path),
                $"rename it '{folder}{stem}.{lower}'");
        }

        if (OtherMarkdownEndings.Contains(ending, StringComparer.OrdinalIgnoreCase))
        {
            return Diagnostic.Warning(
                Code,
                $"'{path}' ends in '.{ending}': Hugo builds it as a page, but this site reads only '.md' pages",
                SourceLocation.File(path),
                $"rename it '{folder}{stem}.md'");
        }

        var meant = ReadEndings.FirstOrDefault(e => DamerauLevenshtein.Distance(ending.ToLowerInvariant(), e) == 1);
        if (meant is null)
        {
            return null;
        }

        return Diagnostic.Warning(
            Code,
            $"'{path}' ends in '.{ending}', not '.{meant}', so it is not a page: neither Hugo nor this site builds it",
            SourceLocation.File(path),
            $"did you mean '{folder}{stem}.{meant}'? Rename the file");
    }
}

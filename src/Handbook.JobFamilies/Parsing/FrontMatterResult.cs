namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// What <see cref="FrontMatterReader.Read"/> found: the front matter, the Markdown body (the whole text with the
/// front-matter lines blanked, so Markdig's line numbers are the file's line numbers) and the diagnostics.
/// </summary>
public sealed record FrontMatterResult(FrontMatter FrontMatter, string Body, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the text had a front-matter block (well-formed or not).</summary>
    public bool HasFrontMatter => FrontMatter.BodyStartLine > 1;
}

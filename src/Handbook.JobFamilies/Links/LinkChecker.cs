namespace Handbook.JobFamilies.Links;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Checks every link of one page (<see cref="LinkFinder"/>) with a <see cref="LinkResolver"/> and reports each
/// problem once, at the link's position in the Markdown source (through <c>JobFamily.Locate</c>, so a link written in
/// a partial is reported in the partial).
/// </summary>
public static class LinkChecker
{
    public static void Check(JobFamily family, LinkResolver resolver, LinkCheckOptions options, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var reported = new HashSet<(SourceLocation, string)>();
        foreach (var link in LinkFinder.Find(family))
        {
            var location = family.Locate(link.Line, link.Column);
            if (!reported.Add((location, link.Url)))
            {
                continue;
            }

            var address = LinkAddress.Parse(link.Url, family.Url, options.InternalHosts);
            var verdict = resolver.Resolve(address);
            if (Describe(link, verdict, location) is { } diagnostic)
            {
                diagnostics.Add(diagnostic);
            }
        }
    }

    /// <summary>The diagnostic for a verdict (null when the link is fine).</summary>
    public static Diagnostic? Describe(FoundLink link, LinkVerdict verdict, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(verdict);
        var what = link.Origin switch
        {
            LinkOrigin.Mermaid => "Mermaid click target",
            LinkOrigin.Image => "image",
            LinkOrigin.Reference => "link definition",
            _ => "link",
        };
        var via = verdict.Redirect is { } r ? $" (redirected by data/redirects.yml line {r.Source.Line} to '{r.Target}')" : string.Empty;
        var didYouMean = verdict.Suggestion is null ? null : $"did you mean '{verdict.Suggestion}'?";
        return verdict.Problem switch
        {
            LinkProblem.None => null,
            LinkProblem.PageNotFound => Diagnostic.Error(
                LinkCodes.PageNotFound, $"{what} '{link.Url}' leads to no page: '{verdict.Target}' is not generated", location,
                didYouMean ?? "fix the path, or add a redirect for the old path to data/redirects.yml"),
            LinkProblem.MissingTrailingSlash => Diagnostic.Warning(
                LinkCodes.MissingTrailingSlash, $"{what} '{link.Url}' lacks the trailing slash of the page's URL", location, $"write '{verdict.Corrected}'"),
            LinkProblem.WrongCase => Diagnostic.Warning(
                LinkCodes.WrongCase, $"{what} '{link.Url}' differs in letter case from the page's URL (paths are case-sensitive)", location, $"write '{verdict.Corrected}'"),
            LinkProblem.AnchorNotFound => Diagnostic.Warning(
                LinkCodes.AnchorNotFound, $"{what} '{link.Url}': the page '{verdict.Target}' has no anchor '#{Fragment(verdict, link)}'{via}", location,
                didYouMean ?? "link a heading's id (kramdown style: lower case, spaces as '-'), or drop the anchor"),
            LinkProblem.AnchorWrongCase => Diagnostic.Warning(
                LinkCodes.AnchorWrongCase, $"{what} '{link.Url}': the anchor differs in letter case from the page's id (browsers match anchors exactly){via}", location,
                $"write '{verdict.Corrected}'"),
            LinkProblem.RedirectToMissingPage => Diagnostic.Error(
                LinkCodes.RedirectToMissingPage, $"{what} '{link.Url}' is redirected by data/redirects.yml line {verdict.Redirect?.Source.Line} to '{verdict.Target}', which is not generated", location,
                "link the page's current URL, or fix the redirect's target"),
            LinkProblem.RedirectLoop => Diagnostic.Error(
                LinkCodes.RedirectLoop, $"{what} '{link.Url}' goes through redirects that never end: {verdict.Target}", location,
                $"fix the redirects starting at data/redirects.yml line {verdict.Redirect?.Source.Line}"),
            LinkProblem.MalformedUrl => Diagnostic.Warning(
                LinkCodes.MalformedUrl, $"{what} '{link.Url}' is not a valid URL: {verdict.Target}", location,
                verdict.Suggestion is null ? "write an absolute URL such as https://example.com/page" : $"write '{verdict.Suggestion}'"),
            _ => null,
        };
    }

    private static string Fragment(LinkVerdict verdict, FoundLink link)
    {
        var hash = link.Url.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            return Uri.UnescapeDataString(link.Url[(hash + 1)..]);
        }

        var targetHash = verdict.Redirect?.Target.IndexOf('#', StringComparison.Ordinal) ?? -1;
        return targetHash >= 0 ? verdict.Redirect!.Target[(targetHash + 1)..] : string.Empty;
    }
}

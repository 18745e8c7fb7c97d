namespace Handbook.JobFamilies.Redirects;

using Handbook.JobFamilies.Links;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Checks the job-family rules of the redirect data against the generated site: a target that is not generated
/// (REDIR008), a source that is itself a generated page so the rule never applies (REDIR009), and chains that
/// come back on themselves (REDIR012). Rules about other parts of the handbook cannot be judged and are skipped.
/// </summary>
public static class RedirectChecker
{
    public static void Check(RedirectTable table, string path, LinkTargets targets, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var resolver = new LinkResolver(targets, RedirectTable.Empty);
        foreach (var entry in table.Entries)
        {
            if (entry.Match != RedirectMatch.Pattern)
            {
                foreach (var source in entry.Sources.Where(s => resolver.IsChecked(s.Path)))
                {
                    if (targets.Exists(source.Path) || (!source.Path.EndsWith('/') && targets.Exists(source.Path + "/")))
                    {
                        diagnostics.Add(Diagnostic.Warning(
                            RedirectCodes.ShadowedSource,
                            $"redirect source '{source.Path}' is a page the site generates, so the redirect never applies",
                            new SourceLocation(path, source.Line, source.Column),
                            "remove the redirect, or remove or rename the page"));
                    }
                    else if (table.Follow(source.Path, out var loops, p => targets.Exists(p) || targets.Exists(p.TrimEnd('/') + "/")) is { Count: > 0 } hops && loops)
                    {
                        diagnostics.Add(Diagnostic.Warning(
                            RedirectCodes.Loop,
                            $"redirects from '{source.Path}' never end: {string.Join(" → ", hops.Select(h => h.Target))}",
                            new SourceLocation(path, source.Line, source.Column),
                            "point the last redirect at a page that exists"));
                    }
                }
            }

            if (!entry.TargetIsPath)
            {
                continue;
            }

            var target = RedirectTable.PathOf(entry.Target);
            if (resolver.IsChecked(target) && !targets.Exists(target) && !targets.Exists(target.TrimEnd('/') + "/") && table.Find(target) is null)
            {
                diagnostics.Add(Diagnostic.Warning(
                    RedirectCodes.MissingTarget,
                    $"redirect target '{entry.Target}' is not a page the site generates",
                    new SourceLocation(path, entry.TargetLine, entry.TargetColumn),
                    "point the redirect at an existing page"));
            }
        }
    }
}

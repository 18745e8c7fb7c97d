namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Reports a level (or specialty) heading written twice on one page, usually a section pasted twice or a copied
/// level whose heading was not renamed. The page then shows two roles with one name: "extends" statements and grade
/// sentences that name it can only reach the first, and the ladder lists it twice.
/// </summary>
internal static class DuplicateRoleCheck
{
    public const string Code = "MD006";

    /// <param name="roles">The levels, or the specialties, of one page in page order.</param>
    /// <param name="levels">The page's levels: a level heading shallower than two same-named roles, between them, puts
    /// them under different levels ("##### Enablement" under the Group Manager and again under the Director).</param>
    /// <param name="diagnostics">Where MD006 goes.</param>
    public static void Report(IEnumerable<Role> roles, IReadOnlyList<Role> levels, ICollection<Diagnostic> diagnostics)
    {
        var first = new Dictionary<string, Role>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in roles)
        {
            var name = role.Name.Trim();
            if (name.Length == 0 || JobFamilyParser.HoldsTemplatePlaceholder(name))
            {
                // An unfilled template repeats "{add name of level …}" for every level: MD005 already reports the page
                // once; calling each copy a level written twice would only repeat that.
                continue;
            }

            if (!first.TryAdd(name, role))
            {
                var earlier = first[name];
                if (role.Heading is { } heading && earlier.Heading is { } earlierHeading && heading.Level > earlierHeading.Level)
                {
                    // "## Stock Administrator" › "### Stock Administrator": the title repeated as its own sub-heading
                    // reads as one role; only a second heading at the same depth (or shallower) is a second role.
                    continue;
                }

                if (UnderAnotherLevel(earlier, role, levels))
                {
                    first[name] = role; // a later copy under this level is compared with this one
                    continue;
                }

                diagnostics.Add(Diagnostic.Warning(
                    Code,
                    $"{(role.Kind == RoleKind.Specialty ? "specialty" : "level")} '{role.Name}' is written twice on the page (first on line {earlier.Location.Line})",
                    role.Location,
                    $"rename this heading if it is another {(role.Kind == RoleKind.Specialty ? "specialty" : "level")}, or merge the two sections; the second one's anchor is '#{role.Anchor}'"));
            }
        }
    }

    private static bool UnderAnotherLevel(Role earlier, Role later, IReadOnlyList<Role> levels)
    {
        if (later.Heading is not { } heading)
        {
            return false;
        }

        foreach (var level in levels)
        {
            if (level.StartLine > earlier.StartLine && level.StartLine < later.StartLine
                && level.Heading is { } levelHeading && levelHeading.Level < heading.Level)
            {
                return true;
            }
        }

        return false;
    }
}

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

    public static void Report(IEnumerable<Role> roles, ICollection<Diagnostic> diagnostics)
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

                diagnostics.Add(Diagnostic.Warning(
                    Code,
                    $"{(role.Kind == RoleKind.Specialty ? "specialty" : "level")} '{role.Name}' is written twice on the page (first on line {earlier.Location.Line})",
                    role.Location,
                    $"rename this heading if it is another {(role.Kind == RoleKind.Specialty ? "specialty" : "level")}, or merge the two sections; the second one's anchor is '#{role.Anchor}'"));
            }
        }
    }
}

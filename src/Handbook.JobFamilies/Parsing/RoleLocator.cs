namespace Handbook.JobFamilies.Parsing;

using Handbook.Pipeline.Collections;
using Handbook.JobFamilies.Model;

/// <summary>
/// Finds the role a line of a page belongs to, so passes can attach what they find (grade links, extends
/// statements) to the right role.
/// </summary>
public static class RoleLocator
{
    /// <summary>
    /// The innermost level or specialty whose <see cref="Role.StartLine"/>..<see cref="Role.EndLine"/> contains the
    /// 1-based parsed-text <paramref name="line"/> (Markdig's 0-based <c>block.Line + 1</c>); otherwise the page
    /// role (which covers the whole page); otherwise null.
    /// </summary>
    public static Role? RoleAt(JobFamily family, int line) =>
        StableSort.FirstOrDefault(
            family.Levels.Concat(family.Specialties).Where(r => r.StartLine <= line && line <= r.EndLine),
            static (a, b) => (a.EndLine - a.StartLine).CompareTo(b.EndLine - b.StartLine))
        ?? family.PageRole;
}

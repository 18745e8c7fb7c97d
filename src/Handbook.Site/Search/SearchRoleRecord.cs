namespace Handbook.Site.Search;

using Handbook.JobFamilies.Model;

/// <summary>
/// What <c>/search-index.json</c> shows of one role (<see cref="SearchFamilyRecord"/>): its name, anchor, kind and
/// grade, and the distinct texts of its responsibilities, requirements and nice-to-haves in the order they come first
/// (inherited bullets included). The texts are the bullets' own strings, not copies; the index numbers them only when
/// it is assembled, since their numbers depend on every family before this one.
/// </summary>
public sealed record SearchRoleRecord(string Name, string Anchor, RoleKind Kind, string? Grade, string? GradeTitle, IReadOnlyList<string> Texts)
{
    // The texts one role has listed so far (reused from role to role on a thread).
    [ThreadStatic]
    private static HashSet<string>? t_listed;

    /// <summary>The record of <paramref name="role"/>.</summary>
    public static SearchRoleRecord Of(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var listed = t_listed ??= new HashSet<string>(StringComparer.Ordinal);
        listed.Clear();
        var texts = new List<string>();
        foreach (var section in (ReadOnlySpan<Section?>)[role.Responsibilities, role.Requirements, role.NiceToHaves])
        {
            if (section is null)
            {
                continue;
            }

            foreach (var item in section.Items)
            {
                if (listed.Add(item.Text))
                {
                    texts.Add(item.Text);
                }
            }
        }

        listed.Clear(); // holds no text past the call
        return new(role.Name, role.Anchor, role.Kind, role.Grade?.Value, role.Grade?.Title, texts.ToArray());
    }
}

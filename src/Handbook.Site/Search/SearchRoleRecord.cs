namespace Handbook.Site.Search;

using Handbook.JobFamilies.Model;

/// <summary>
/// What <c>/search-index.json</c> shows of one role (<see cref="SearchFamilyRecord"/>): its name, anchor, kind and
/// grade, and its bullets – its overview, the responsibilities, requirements and nice-to-haves, inherited ones included – as the
/// distinct numbers of their texts in <see cref="SearchFamilyRecord.Texts"/>, in the order they come first. The index
/// numbers the texts across the site only when it is assembled: those numbers depend on every family before this one.
/// </summary>
public sealed record SearchRoleRecord(string Name, string Anchor, RoleKind Kind, string? Grade, string? GradeTitle, IReadOnlyList<int> Texts)
{
    // The numbers one role has listed so far (reused from role to role on a thread).
    [ThreadStatic]
    private static HashSet<int>? t_listed;

    /// <summary>
    /// The record of <paramref name="role"/>; each text not in <paramref name="numbers"/> yet is added to
    /// <paramref name="texts"/> (the family's) and numbered by its place there.
    /// </summary>
    public static SearchRoleRecord Of(Role role, Dictionary<string, int> numbers, List<string> texts)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(texts);
        var listed = t_listed ??= [];
        listed.Clear();
        var shown = new List<int>();
        foreach (var section in (ReadOnlySpan<Section?>)[role.Overview, role.Responsibilities, role.Requirements, role.NiceToHaves])
        {
            if (section is null)
            {
                continue;
            }

            foreach (var item in section.Items)
            {
                if (!numbers.TryGetValue(item.Text, out var number))
                {
                    number = texts.Count;
                    numbers.Add(item.Text, number);
                    texts.Add(item.Text);
                }

                if (listed.Add(number))
                {
                    shown.Add(number);
                }
            }
        }

        return new(role.Name, role.Anchor, role.Kind, role.Grade?.Value, role.Grade?.Title, shown.ToArray());
    }
}

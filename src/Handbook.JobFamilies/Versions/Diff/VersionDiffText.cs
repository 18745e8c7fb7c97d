namespace Handbook.JobFamilies.Versions.Diff;

using System.Text;

/// <summary>
/// Writes a <see cref="VersionDiffResult"/> as readable plain text (for the CLI, logs and approval tests):
/// <code>
/// Senior Backend Engineer: grade 7 → 8
///   Responsibilities:
///     + a new item
///     - a removed item
///     ~ old wording → new wording
/// </code>
/// </summary>
public static class VersionDiffText
{
    public static string Format(VersionDiffResult diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.IsEmpty)
        {
            return "no changes to roles, grades or items\n";
        }

        var text = new StringBuilder();
        foreach (var role in diff.Roles)
        {
            text.Append(role.Kind switch
            {
                ChangeKind.Added => "Added role ",
                ChangeKind.Removed => "Removed role ",
                _ => string.Empty,
            }).Append(role.Role);
            if (role.Grade is { } grade)
            {
                text.Append(": ").Append(grade.Describe());
            }

            text.Append('\n');
            foreach (var section in role.Sections)
            {
                text.Append("  ").Append(section.Kind switch
                {
                    ChangeKind.Added => "Added section ",
                    ChangeKind.Removed => "Removed section ",
                    _ => string.Empty,
                }).Append(section.Section).Append(":\n");
                foreach (var item in section.Added)
                {
                    text.Append("    + ").Append(item).Append('\n');
                }

                foreach (var item in section.Removed)
                {
                    text.Append("    - ").Append(item).Append('\n');
                }

                foreach (var item in section.Changed)
                {
                    text.Append("    ~ ").Append(item.Old).Append(" → ").Append(item.New).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}

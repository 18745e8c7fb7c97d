namespace Handbook.JobFamilies.Versions.Diff;

using Handbook.JobFamilies.Model;

/// <summary>
/// Maps a parsed page to the plain model <see cref="VersionDiff"/> compares: every role (levels, specialties, the
/// page role) with its grade as written and its sections' item texts. Items inherited through "extends" are kept
/// when the extends pass has run, so the diff shows what a reader of the page sees.
/// </summary>
public static class VersionModelMapper
{
    public static VersionModel From(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return new VersionModel(family.Roles
            .Select(role => new RoleModel(
                role.Name,
                role.Grade?.Value,
                role.Sections.Select(s => new SectionModel(s.Title, s.Items.Select(i => i.Text).ToList())).ToList()))
            .ToList());
    }
}

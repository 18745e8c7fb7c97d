namespace Handbook.JobFamilies.Model;

/// <summary>Whether a role is a level of the ladder, a specialty, or the single role a whole page describes.</summary>
public enum RoleKind
{
    Level,
    Specialty,
    Page,
}
